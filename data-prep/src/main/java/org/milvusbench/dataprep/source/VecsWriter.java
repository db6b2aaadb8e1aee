package org.milvusbench.dataprep.source;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes TEXMEX-layout files: {@code .fvecs} (float32), {@code .ivecs} (int32) and our
 * {@code .i64vecs} (the same layout with int64 elements, because Milvus ids are int64): each
 * record is a little-endian int32 element count followed by the elements.
 */
public final class VecsWriter {
  private VecsWriter() {}

  /** Writes {@code rows} as an .fvecs file. */
  public static void writeFvecs(Path path, float[][] rows) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
      for (float[] row : rows) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * row.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(row.length);
        for (float v : row) {
          b.putFloat(v);
        }
        out.write(b.array());
      }
    }
  }

  /** Writes {@code rows} as an .ivecs file. */
  public static void writeIvecs(Path path, int[][] rows) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
      for (int[] row : rows) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * row.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(row.length);
        for (int v : row) {
          b.putInt(v);
        }
        out.write(b.array());
      }
    }
  }

  /** Writes {@code rows} as an .i64vecs file (int32 count, then int64 elements). */
  public static void writeI64vecs(Path path, long[][] rows) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
      for (long[] row : rows) {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * row.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(row.length);
        for (long v : row) {
          b.putLong(v);
        }
        out.write(b.array());
      }
    }
  }

  /** Reads an .i64vecs file written by {@link #writeI64vecs}; errors name the path and byte offset. */
  public static long[][] readI64vecs(Path path) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
    java.util.List<long[]> rows = new java.util.ArrayList<>();
    while (b.hasRemaining()) {
      int offset = b.position();
      if (b.remaining() < 4) {
        throw new IOException(path + ": truncated at byte offset " + offset + " (partial record header)");
      }
      int n = b.getInt();
      if (n < 0 || (long) n * 8 > b.remaining()) {
        throw new IOException(path + ": truncated at byte offset " + offset + " (record of " + n + " int64 needs "
            + (4 + 8L * n) + " bytes, " + (b.remaining() + 4) + " left)");
      }
      long[] row = new long[n];
      b.asLongBuffer().get(row);
      b.position(b.position() + 8 * n);
      rows.add(row);
    }
    return rows.toArray(new long[0][]);
  }
}
