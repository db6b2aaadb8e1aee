package org.milvusbench.dataprep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.response.InsertResp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.milvusbench.dataprep.ProgressListener.Phase;
import org.milvusbench.dataprep.source.Sources;
import org.milvusbench.dataprep.source.VectorSource;

/**
 * Brings the server and the {@link SeedLedger} into agreement, then inserts the missing rows batch
 * by batch, committing each batch's server ids to the ledger.
 *
 * <p>Why this is safe with auto_id: an Insert RPC is atomic and the server's ids increase, so after
 * a kill the server holds the ledger's rows plus at most the batch whose reply was not recorded —
 * exactly the ids above the last recorded one. Those rows are adopted when their stored vectors are
 * the rows we would insert next (the batch is deterministic), otherwise deleted; either way no
 * duplicate and no gap. A server that lost rows (an embedded target killed before its commit) holds
 * a prefix of the ledger, which is truncated to match.
 */
final class Seeder {
  private final MilvusClientV2 client;
  private final DataPrepConfig cfg;
  private final ServerOps ops;
  private final SeedLedger ledger;
  private final VectorSource source;
  private final ProgressListener listener;

  Seeder(MilvusClientV2 client, DataPrepConfig cfg, ServerOps ops, SeedLedger ledger, VectorSource source,
      ProgressListener listener) {
    this.client = client;
    this.cfg = cfg;
    this.ops = ops;
    this.ledger = ledger;
    this.source = source;
    this.listener = listener;
  }

  /** Makes the ledger describe exactly the server's rows; returns the rows found unrecorded (adopted or deleted). */
  long reconcile() {
    long count = ops.count();
    long recorded = ledger.rows();
    if (count == recorded) {
      return 0;
    }
    if (count > recorded) {
      long[] extra = ops.idsAbove(recorded == 0 ? null : ledger.lastId());
      if (extra.length != count - recorded) {
        throw new DataPrepException("collection " + cfg.collection() + " holds " + count + " rows, " + recorded
            + " recorded in " + cfg.collectionDir() + ", but " + extra.length + " ids above the last recorded one "
            + ledger.lastId() + ": the rows are not ours; rerun with --recreate");
      }
      if (recorded + extra.length <= cfg.rows() && matchesNextRows(extra, recorded)) {
        ledger.append(extra);
        listener.info("adopted " + extra.length + " rows inserted before the last stop but not recorded");
      } else {
        ops.run("delete unrecorded rows", () -> client.delete(DeleteReq.builder().databaseName(cfg.db())
            .collectionName(cfg.collection()).ids(Arrays.stream(extra).boxed().map(Object.class::cast).toList())
            .build()));
        long after = ops.count();
        if (after != recorded) {
          throw new DataPrepException("collection " + cfg.collection() + ": deleted " + extra.length
              + " unrecorded rows but count(*) is " + after + ", expected " + recorded + "; rerun with --recreate");
        }
        listener.info("deleted " + extra.length + " rows inserted before the last stop but not recorded");
      }
      return extra.length;
    }
    // count < recorded: the server lost its tail (e.g. killed before committing); it must hold a prefix.
    long[] edge = count == 0 ? new long[] {ledger.ids(0, 1)[0]} : ledger.ids(count - 1, 2);
    Map<Long, float[]> present = ops.vectors(edge);
    boolean prefix = count == 0 ? present.isEmpty() : present.containsKey(edge[0]) && !present.containsKey(edge[1]);
    if (!prefix) {
      throw new DataPrepException("collection " + cfg.collection() + " holds " + count + " rows but " + recorded
          + " are recorded in " + cfg.collectionDir() + " and the server's rows are not a prefix of them; "
          + "rerun with --recreate");
    }
    listener.info("the server kept " + count + " of " + recorded + " recorded rows (lost before a commit); resuming");
    ledger.truncate(count);
    return 0;
  }

  /** True when the first and last of {@code ids} hold rows {@code from} and {@code from + ids.length - 1}. */
  private boolean matchesNextRows(long[] ids, long from) {
    if (ids.length == 0) {
      return true;
    }
    Map<Long, float[]> stored = ops.vectors(ids[0], ids[ids.length - 1]);
    float[][] expected = new float[2][source.dim()];
    source.read(from, 1, expected);
    source.read(from + ids.length - 1, 1, new float[][] {expected[1]});
    return close(stored.get(ids[0]), expected[0]) && close(stored.get(ids[ids.length - 1]), expected[1]);
  }

  private static boolean close(float[] a, float[] b) {
    if (a == null || a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > 1e-6f * Math.max(1f, Math.abs(b[i]))) {
        return false;
      }
    }
    return true;
  }

  /** Inserts rows {@code [ledger.rows(), cfg.rows())}; returns the number inserted. */
  long insertMissing() {
    long start = ledger.rows();
    long target = cfg.rows();
    listener.phaseStarted(Phase.INSERT, target, start);
    ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "data-prep-generate");
      t.setDaemon(true);
      return t;
    });
    boolean warned = false;
    long lastFlush = System.nanoTime();
    try {
      // Generate batch i+1 while batch i is on the wire.
      CompletableFuture<List<JsonObject>> next = start < target
          ? CompletableFuture.supplyAsync(() -> rows(start, batch(start, target)), prefetch) : null;
      long row = start;
      while (row < target) {
        int n = batch(row, target);
        List<JsonObject> data = await(next);
        long after = row + n;
        next = after < target ? CompletableFuture.supplyAsync(() -> rows(after, batch(after, target)), prefetch) : null;
        long firstRow = row;
        InsertResp resp = ops.call("insert rows [" + row + ", " + after + ")", () -> client.insert(
            InsertReq.builder().databaseName(cfg.db()).collectionName(cfg.collection()).data(data).build()));
        listener.batchInserted(firstRow, n);
        long[] ids = resp.getPrimaryKeys().stream().mapToLong(o -> ((Number) o).longValue()).toArray();
        if (ids.length != n) {
          throw new DataPrepException("insert rows [" + row + ", " + after + ") into " + cfg.collection()
              + ": the server returned " + ids.length + " ids for " + n + " rows");
        }
        if (!warned && !increasing(ids, ledger.lastId())) {
          warned = true;
          listener.info("warning: the server's auto ids are not increasing; resuming after a kill mid-batch "
              + "would need --recreate");
        }
        ledger.append(ids);
        listener.batchCommitted(firstRow, n, ledger.rows());
        listener.progress(Phase.INSERT, ledger.rows());
        row = after;
        if (cfg.flushIntervalSeconds() > 0 && row < target
            && System.nanoTime() - lastFlush > cfg.flushIntervalSeconds() * 1_000_000_000L) {
          ops.flush();
          lastFlush = System.nanoTime();
        }
      }
    } finally {
      prefetch.shutdownNow();
    }
    listener.phaseFinished(Phase.INSERT);
    return target - start;
  }

  /** Joins a generated batch, rethrowing the generator's own failure (e.g. a bad file offset) unwrapped. */
  private static List<JsonObject> await(CompletableFuture<List<JsonObject>> batch) {
    try {
      return batch.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
  }

  private int batch(long row, long target) {
    return (int) Math.min(cfg.batchSize(), target - row);
  }

  private static boolean increasing(long[] ids, long after) {
    long prev = after;
    for (long id : ids) {
      if (id <= prev) {
        return false;
      }
      prev = id;
    }
    return true;
  }

  /** Rows {@code [start, start + n)} as the SDK's row objects. */
  private List<JsonObject> rows(long start, int n) {
    float[][] vectors = new float[n][source.dim()];
    source.read(start, n, vectors);
    List<JsonObject> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      JsonArray v = new JsonArray(vectors[i].length);
      for (float f : vectors[i]) {
        v.add(f);
      }
      JsonObject row = new JsonObject();
      row.add(CollectionSpec.VECTOR, v);
      row.addProperty(CollectionSpec.CATEGORY, Sources.category(cfg.seed(), start + i, cfg.categories()));
      out.add(row);
    }
    return out;
  }
}
