package org.milvusbench.dataprep.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Random access to a TEXMEX-layout vector file (SIFT / GIST: {@code .fvecs}, {@code .bvecs},
 * {@code .ivecs}): each record is a little-endian int32 dimension followed by that many float32,
 * uint8 or int32 values. Every record must declare the same dimension.
 *
 * <p>Errors name the path and the byte offset of the bad record. Thread-safe (positional reads).
 */
public final class VecsFile implements AutoCloseable {

  /** Element type, chosen by the file extension. */
  public enum Kind {
    FVECS(4), BVECS(1), IVECS(4);
    final int elementBytes;

    Kind(int elementBytes) {
      this.elementBytes = elementBytes;
    }

    /** The kind for a path's extension, or null if it is not .fvecs / .bvecs / .ivecs. */
    public static Kind of(Path path) {
      String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
      for (Kind k : values()) {
        if (name.endsWith("." + k.name().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      return null;
    }
  }

  private final Path path;
  private final Kind kind;
  private final FileChannel channel;
  private final int dim;
  private final long recordBytes;
  private final long rows;

  private VecsFile(Path path, Kind kind, FileChannel channel, int dim, long rows) {
    this.path = path;
    this.kind = kind;
    this.channel = channel;
    this.dim = dim;
    this.recordBytes = 4 + (long) dim * kind.elementBytes;
    this.rows = rows;
  }

  /** Opens {@code path}, checking the first header and that the size is a whole number of records. */
  public static VecsFile open(Path path) {
    Kind kind = Kind.of(path);
    if (kind == null) {
      throw new SourceException(path + ": not a .fvecs / .bvecs / .ivecs file");
    }
    FileChannel ch;
    long size;
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
      size = ch.size();
    } catch (IOException e) {
      throw new SourceException("cannot read " + path + ": " + e, e);
    }
    try {
      if (size < 4) {
        throw new SourceException(path + ": truncated at byte offset 0: " + size
            + " bytes, too short for a record header (4 bytes)");
      }
      ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, head, 0, path);
      int dim = head.getInt(0);
      if (dim <= 0 || dim > 1 << 20) {
        throw new SourceException(path + ": record at byte offset 0 declares dimension " + dim
            + " (allowed: 1..1048576); is this really a " + kind.name().toLowerCase(Locale.ROOT) + " file?");
      }
      long recordBytes = 4 + (long) dim * kind.elementBytes;
      long rows = size / recordBytes;
      if (size % recordBytes != 0) {
        throw new SourceException(path + ": truncated at byte offset " + rows * recordBytes
            + ": the last record has " + size % recordBytes + " of " + recordBytes + " bytes (dim " + dim + ")");
      }
      return new VecsFile(path, kind, ch, dim, rows);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  /** Dimension declared by the records. */
  public int dim() {
    return dim;
  }

  /** Number of records. */
  public long rows() {
    return rows;
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** Reads records {@code [start, start + count)} as floats (uint8 and int32 are widened). */
  public void readFloats(long start, int count, float[][] out) {
    ByteBuffer buf = readRecords(start, count);
    for (int i = 0; i < count; i++) {
      float[] v = out[i];
      int base = (int) (i * recordBytes) + 4;
      for (int d = 0; d < dim; d++) {
        switch (kind) {
          case FVECS: v[d] = buf.getFloat(base + 4 * d); break;
          case BVECS: v[d] = buf.get(base + d) & 0xFF; break;
          default: v[d] = buf.getInt(base + 4 * d); break;
        }
      }
    }
  }

  /** Reads records {@code [start, start + count)} of an .ivecs file. */
  public int[][] readInts(long start, int count) {
    if (kind != Kind.IVECS) {
      throw new SourceException(path + ": integer records need an .ivecs file");
    }
    ByteBuffer buf = readRecords(start, count);
    int[][] out = new int[count][dim];
    for (int i = 0; i < count; i++) {
      int base = (int) (i * recordBytes) + 4;
      for (int d = 0; d < dim; d++) {
        out[i][d] = buf.getInt(base + 4 * d);
      }
    }
    return out;
  }

  private ByteBuffer readRecords(long start, int count) {
    if (start < 0 || count < 0 || start + count > rows) {
      throw new SourceException(path + ": rows [" + start + ", " + (start + count) + ") requested, the file has "
          + rows + " records");
    }
    if (recordBytes * count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("read at most 2 GiB at a time, asked " + recordBytes * count + " bytes");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) (recordBytes * count)).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, buf, start * recordBytes, path);
    for (int i = 0; i < count; i++) {
      int declared = buf.getInt((int) (i * recordBytes));
      if (declared != dim) {
        throw new SourceException(path + ": record " + (start + i) + " at byte offset " + (start + i) * recordBytes
            + " declares dimension " + declared + ", the file's first record declares " + dim);
      }
    }
    return buf;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position, Path path) {
    try {
      long pos = position;
      while (buf.hasRemaining()) {
        int n = ch.read(buf, pos);
        if (n < 0) {
          throw new SourceException(path + ": truncated at byte offset " + pos + " (end of file while reading)");
        }
        pos += n;
      }
    } catch (IOException e) {
      throw new SourceException("cannot read " + path + " at byte offset " + position + ": " + e, e);
    }
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // already failing with a better message
    }
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }
}
