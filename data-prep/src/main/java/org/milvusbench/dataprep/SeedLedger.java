package org.milvusbench.dataprep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The local record of what has been committed to one collection: {@code seed-progress.json} (which
 * collection incarnation, data fingerprint, committed rows, last id) and {@code ids.i64} (the
 * server-assigned id of every committed row, in row order, little-endian int64).
 *
 * <p>Commit protocol for a batch: the Insert RPC returns the ids → append them to {@code ids.i64}
 * and fsync → atomically replace {@code seed-progress.json} (write a temp file, fsync, rename). A
 * kill anywhere leaves the JSON naming a prefix of the ids file; extra trailing ids are truncated
 * on open. Rows the server holds beyond the JSON (insert done, record not) are reconciled by
 * {@link DataPrep} using the last recorded id.
 */
final class SeedLedger {
  static final String PROGRESS_FILE = "seed-progress.json";
  static final String IDS_FILE = "ids.i64";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The JSON body. {@code collectionId} ties the ledger to one incarnation of the collection. */
  record Progress(String collection, long collectionId, String data, long rows, long lastId, String updated) {}

  private final Path dir;
  private Progress progress;

  private SeedLedger(Path dir, Progress progress) {
    this.dir = dir;
    this.progress = progress;
  }

  /** Opens the ledger in {@code dir}; an absent or unreadable one reads as "nothing committed". */
  static SeedLedger open(Path dir) {
    Path file = dir.resolve(PROGRESS_FILE);
    Progress p = null;
    if (Files.exists(file)) {
      try {
        p = JSON.readValue(file.toFile(), Progress.class);
      } catch (IOException e) {
        p = null; // a corrupt record is as good as none: the server is the authority, reconciled later
      }
    }
    SeedLedger ledger = new SeedLedger(dir, p);
    if (p != null) {
      ledger.truncateIdsTo(p.rows());
    }
    return ledger;
  }

  /** True when this ledger describes the collection incarnation {@code collectionId} holding {@code data}. */
  boolean describes(long collectionId, String data) {
    return progress != null && progress.collectionId() == collectionId && progress.data().equals(data)
        && idsFileRows() >= progress.rows();
  }

  /** Committed rows (0 for a fresh ledger). */
  long rows() {
    return progress == null ? 0 : progress.rows();
  }

  /** Id of the last committed row, or {@link Long#MIN_VALUE} when none. */
  long lastId() {
    return progress == null || progress.rows() == 0 ? Long.MIN_VALUE : progress.lastId();
  }

  /** Starts an empty ledger for a new collection incarnation. */
  void reset(String collection, long collectionId, String data) {
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(IDS_FILE));
      Files.createFile(dir.resolve(IDS_FILE));
    } catch (IOException e) {
      throw new DataPrepException("cannot write " + dir.resolve(IDS_FILE) + ": " + e, e);
    }
    write(new Progress(collection, collectionId, data, 0, Long.MIN_VALUE, Instant.now().toString()));
  }

  /** Commits {@code ids} as the next rows (see the class comment for the order of writes). */
  void append(long[] ids) {
    if (ids.length == 0) {
      return;
    }
    Path file = dir.resolve(IDS_FILE);
    ByteBuffer buf = ByteBuffer.allocate(ids.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asLongBuffer().put(ids);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long pos = progress.rows() * Long.BYTES;
      ch.truncate(pos);
      while (buf.hasRemaining()) {
        pos += ch.write(buf, pos);
      }
      ch.force(false);
    } catch (IOException e) {
      throw new DataPrepException("cannot write " + file + ": " + e, e);
    }
    write(new Progress(progress.collection(), progress.collectionId(), progress.data(), progress.rows() + ids.length,
        ids[ids.length - 1], Instant.now().toString()));
  }

  /** Forgets committed rows past {@code rows} (the server lost them, or we deleted them). */
  void truncate(long rows) {
    if (rows > this.rows()) {
      throw new IllegalArgumentException("cannot truncate " + this.rows() + " rows up to " + rows);
    }
    long lastId = rows == 0 ? Long.MIN_VALUE : ids(rows - 1, 1)[0];
    truncateIdsTo(rows);
    write(new Progress(progress.collection(), progress.collectionId(), progress.data(), rows, lastId,
        Instant.now().toString()));
  }

  /** Ids of rows {@code [start, start + count)}. */
  long[] ids(long start, int count) {
    Path file = dir.resolve(IDS_FILE);
    ByteBuffer buf = ByteBuffer.allocate(count * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = start * Long.BYTES;
      while (buf.hasRemaining()) {
        int n = ch.read(buf, pos);
        if (n < 0) {
          throw new DataPrepException(file + ": truncated at byte offset " + pos + " (rows " + start + ".."
              + (start + count) + " expected)");
        }
        pos += n;
      }
    } catch (IOException e) {
      throw new DataPrepException("cannot read " + file + ": " + e, e);
    }
    long[] out = new long[count];
    buf.flip();
    LongBuffer lb = buf.asLongBuffer();
    lb.get(out);
    return out;
  }

  /** All committed ids, in row order. */
  long[] allIds() {
    return ids(0, Math.toIntExact(rows()));
  }

  private long idsFileRows() {
    try {
      return Files.size(dir.resolve(IDS_FILE)) / Long.BYTES;
    } catch (IOException e) {
      return 0;
    }
  }

  private void truncateIdsTo(long rows) {
    Path file = dir.resolve(IDS_FILE);
    if (!Files.exists(file)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (ch.size() > rows * Long.BYTES) {
        ch.truncate(rows * Long.BYTES);
        ch.force(false);
      }
    } catch (IOException e) {
      throw new DataPrepException("cannot write " + file + ": " + e, e);
    }
  }

  private void write(Progress p) {
    Path file = dir.resolve(PROGRESS_FILE);
    Path tmp = dir.resolve(PROGRESS_FILE + ".tmp");
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(JSON.writeValueAsBytes(p)));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DataPrepException("cannot write " + file + ": " + e, e);
    }
    progress = p;
  }
}
