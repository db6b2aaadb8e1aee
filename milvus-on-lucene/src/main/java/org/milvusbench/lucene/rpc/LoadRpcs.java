package org.milvusbench.lucene.rpc;

import io.milvus.grpc.GetLoadStateResponse;
import io.milvus.grpc.GetLoadingProgressResponse;
import io.milvus.grpc.LoadState;
import io.milvus.grpc.Status;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.Database;
import org.milvusbench.lucene.store.GraphBuild;
import org.milvusbench.lucene.store.Partitions;
import java.util.List;

/**
 * Load / release and load state. Lucene serves from mmap'd files, so loading is a flag, except that
 * while an index build runs the collection reports Loading with the build's progress (searches are
 * answered meanwhile from the previous index). The flag is persisted: as in Milvus, a collection
 * loaded before a restart is loaded after it.
 */
final class LoadRpcs {
  Status load(Database db, String name) throws Exception {
    Collection c = db.get(name);
    requireVectorIndexes(c);
    c.setLoaded(true);
    c.acquire().close();
    return Statuses.OK;
  }

  /**
   * Milvus 2.5's proxy refuses to load a collection whose vector fields are not all indexed
   * (internal/proxy/task.go, loadCollectionTask.Execute: "there is no vector index on field: [v2], please
   * create index firstly", a plain error, hence 65535; also for LoadPartitions). Applied here to
   * collections of several vector fields only: a single-vector collection has always been loadable
   * unindexed on this server (searched exactly), and existing clients of it rely on that. An index
   * being built or queued counts, as in Milvus (whose index exists as soon as CreateIndex returns).
   */
  static void requireVectorIndexes(Collection c) {
    if (!c.schema().multiVector()) {
      return;
    }
    List<String> unindexed = c.schema().vectorFields().stream().map(io.milvus.grpc.FieldSchema::getName)
        .filter(f -> IndexRpcs.indexOrPending(c, f) == null).toList();
    if (!unindexed.isEmpty()) {
      throw new MilvusException(MilvusException.UNEXPECTED, "there is no vector index on field: ["
          + String.join(" ", unindexed) + "], please create index firstly");
    }
  }

  Status release(Database db, String name) throws Exception {
    db.get(name).setLoaded(false);
    return Statuses.OK;
  }

  /** Percent of the running build, or 100. */
  private static long percent(Collection c) {
    GraphBuild b = c.build();
    GraphBuild.Progress p = b == null ? null : b.progress();
    if (p == null || p.state() != GraphBuild.State.IN_PROGRESS) {
      return c.state().queuedOrEmpty().isEmpty() ? 100 : 0; // the next field's build is about to start
    }
    return p.totalRows() <= 0 ? 0 : Math.min(99, p.indexedRows() * 100 / p.totalRows());
  }

  /** The collection's state, or that of the named partitions (each must exist): loaded only if all of them are. */
  GetLoadStateResponse state(Database db, String name, List<String> partitions) {
    Collection c = db.get(name);
    boolean loaded = partitions.isEmpty() ? c.loaded()
        : partitions.stream().map(c.partitions()::get).allMatch(c.partitions()::loaded);
    LoadState state = !loaded ? LoadState.LoadStateNotLoad
        : percent(c) < 100 ? LoadState.LoadStateLoading : LoadState.LoadStateLoaded;
    return GetLoadStateResponse.newBuilder().setStatus(Statuses.OK).setState(state).build();
  }

  GetLoadingProgressResponse progress(Database db, String name, List<String> partitions) {
    Collection c = db.get(name);
    if (!c.loaded()) {
      throw MilvusException.collectionNotLoaded(name);
    }
    for (String p : partitions) {
      if (!c.partitions().loaded(c.partitions().get(p))) {
        throw Partitions.notLoaded(p);
      }
    }
    long p = percent(c);
    return GetLoadingProgressResponse.newBuilder().setStatus(Statuses.OK).setProgress(p).setRefreshProgress(p).build();
  }
}
