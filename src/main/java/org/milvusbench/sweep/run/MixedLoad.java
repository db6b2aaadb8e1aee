package org.milvusbench.sweep.run;

import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;
import org.milvusbench.gatling.MilvusDsl;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.core.SearchObserver;
import org.milvusbench.recorder.LevelRecorder;
import org.milvusbench.rundir.LevelResult;

/**
 * One request of a mixed level: the level's {@link MixDeal} picks the operation, each operation is
 * recorded by its own recorder and by the level's every-operation one. Inserts and upserts save the
 * keys Milvus assigned into the run's {@link WrittenKeys}; upserts and deletes take theirs from
 * there, so the seeded rows are never changed.
 */
final class MixedLoad {
  private static final String KEYS = "milvus.sweep.writtenKeys";

  private MixedLoad() {}

  static ChainBuilder request(SweepRun run, Level level, CollectionWrites writes) {
    List<Choice.WithKey> cases = new ArrayList<>();
    for (String op : level.parts.operations().keySet()) {
      cases.add(onCase(op).then(operation(run, level, op, writes)));
    }
    return doSwitch(session -> level.parts.deal().next()).on(cases);
  }

  private static ChainBuilder operation(SweepRun run, Level level, String op, CollectionWrites writes) {
    LevelRecorder own = level.operation(op);
    LevelRecorder all = level.recorder();
    OperationObserver both = (ok, start, latency, rows) -> {
      own.onOperation(ok, start, latency, rows);
      all.onOperation(ok, start, latency, rows);
    };
    String name = level.requestName(op);
    String collection = run.target().collection();
    int batch = run.config().workload().batch();
    return switch (op) {
      case LevelResult.SEARCH -> exec(run.search(name).observer(searchAndAll(own, all)).startSchedule(level.schedule()));
      case "insert" -> exec(MilvusDsl.insert(name).collection(collection).rows(writes.rows()).batchSize(batch)
          .saveIdsAs(KEYS).observer(both).startSchedule(level.schedule())).exec(session -> keep(session, writes));
      case "upsert" -> exec(MilvusDsl.upsert(name).collection(collection).rows(new PoolRows(writes)).batchSize(batch)
          .saveIdsAs(KEYS).observer(both).startSchedule(level.schedule())).exec(session -> keep(session, writes));
      case "delete" -> exec(MilvusDsl.delete(name).collection(collection).ids(session -> take(writes, batch))
          .observer(both).startSchedule(level.schedule()));
      case "query" -> exec(query(run, name).observer(both).startSchedule(level.schedule()));
      default -> throw new IllegalArgumentException("sweep.mix: no such operation " + op);
    };
  }

  private static SearchObserver searchAndAll(LevelRecorder own, LevelRecorder all) {
    return (ok, start, latency, firstQuery, results) -> {
      own.onSearch(ok, start, latency, firstQuery, results);
      all.onOperation(ok, start, latency, 0);
    };
  }

  private static long[] take(CollectionWrites writes, int batch) {
    long[] keys = writes.keys().take(batch);
    if (keys.length == 0) {
      throw new IllegalStateException("no rows of this run left to delete (sweep.mix deletes faster than it inserts)");
    }
    return keys;
  }

  /** Moves the keys a successful write saved into the pool. */
  private static Session keep(Session session, CollectionWrites writes) {
    if (!session.contains(KEYS)) {
      return session; // the write failed: nothing was written
    }
    long[] keys = session.get(KEYS);
    writes.keys().add(keys);
    return session.remove(KEYS);
  }

  /**
   * The mixed workload's query, named {@code requestName}: the search filter's rows (else category
   * A's), {@code search.topK} of them, at the search's consistency level.
   */
  static org.milvusbench.gatling.MilvusQueryActionBuilder query(SweepRun run, String requestName) {
    return org.milvusbench.gatling.MilvusDsl.query(requestName).collection(run.target().collection())
        .filter(run.config().filter() != null ? run.config().filter() : "category == \"A\"").limit(run.config().topK())
        .consistencyLevel(run.requests().consistency());
  }
}
