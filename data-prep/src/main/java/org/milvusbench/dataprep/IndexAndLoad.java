package org.milvusbench.dataprep;

import io.milvus.grpc.LoadState;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.IndexBuildState;
import io.milvus.v2.service.index.request.CreateIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import java.util.List;
import org.milvusbench.dataprep.ProgressListener.Phase;

/** Creating the vector index, waiting until it covers every row, and loading: polled, with progress. */
final class IndexAndLoad {
  /** Give up when the index makes no progress for this long. */
  static final long INDEX_STALL_MILLIS = 15 * 60_000;
  static final long LOAD_TIMEOUT_MILLIS = 60 * 60_000;

  private IndexAndLoad() {}

  static void createIndex(MilvusClientV2 client, DataPrepConfig cfg, ServerOps ops) {
    // sync(false): the SDK would otherwise block until the build ends; we poll and show progress.
    ops.run("createIndex", () -> client.createIndex(CreateIndexReq.builder().databaseName(cfg.db())
        .collectionName(cfg.collection()).indexParams(List.of(CollectionSpec.indexParam(cfg))).sync(false).build()));
  }

  /** Polls the vector index until it covers every row; a failed build or a long stall is an error. */
  static void waitForIndex(ServerOps ops, DataPrepConfig cfg, ProgressListener listener, long rows) {
    listener.phaseStarted(Phase.INDEX, rows, 0);
    long lastIndexed = -1;
    long lastChange = System.currentTimeMillis();
    while (true) {
      DescribeIndexResp.IndexDesc d = ops.vectorIndex();
      if (d == null) {
        throw new DataPrepException("collection " + cfg.collection() + ": the vector index disappeared while waiting");
      }
      if (d.getIndexState() == IndexBuildState.Failed) {
        throw new DataPrepException("collection " + cfg.collection() + ": index build failed: " + d.getIndexFailedReason());
      }
      long indexed = d.getIndexedRows();
      listener.progress(Phase.INDEX, Math.min(indexed, rows));
      // Milvus leaves segments under ~1,024 rows unindexed (searched brute force) and still reports
      // Finished, so "Finished with nothing pending" also counts as done.
      boolean finished = d.getPendingIndexRows() == 0
          && (indexed >= rows || d.getIndexState() == IndexBuildState.Finished);
      if (finished) {
        break;
      }
      long now = System.currentTimeMillis();
      if (indexed != lastIndexed) {
        lastIndexed = indexed;
        lastChange = now;
      } else if (now - lastChange > INDEX_STALL_MILLIS) {
        throw new DataPrepException("collection " + cfg.collection() + ": index stalled at " + indexed + " of "
            + rows + " rows for " + INDEX_STALL_MILLIS / 60_000 + " min (state " + d.getIndexState()
            + ", pending " + d.getPendingIndexRows() + ")");
      }
      DataPrep.sleep(500);
    }
    listener.phaseFinished(Phase.INDEX);
  }

  /** Loads the collection unless it is loaded, polling progress; {@code report} shows the phase. */
  static void ensureLoaded(ServerOps ops, ProgressListener listener, boolean report) {
    if (report) {
      listener.phaseStarted(Phase.LOAD, 100, 0);
    }
    if (ops.loadState() != LoadState.LoadStateLoaded) {
      ops.startLoad();
      long deadline = System.currentTimeMillis() + LOAD_TIMEOUT_MILLIS;
      while (ops.loadState() != LoadState.LoadStateLoaded) {
        if (System.currentTimeMillis() > deadline) {
          throw new DataPrepException("loading the collection took more than " + LOAD_TIMEOUT_MILLIS / 60_000 + " min");
        }
        if (report) {
          listener.progress(Phase.LOAD, ops.loadProgress());
        }
        DataPrep.sleep(200);
      }
    }
    if (report) {
      listener.progress(Phase.LOAD, 100);
      listener.phaseFinished(Phase.LOAD);
    }
  }
}
