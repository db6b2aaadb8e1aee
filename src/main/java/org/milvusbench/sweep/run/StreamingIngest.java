package org.milvusbench.sweep.run;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import org.milvusbench.gatling.MilvusDsl;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.gatling.internal.EpochClock;

/**
 * A streaming level's background ingest: one virtual user inserting {@code ingest.batch} rows on a
 * fixed schedule, batch k due at start + k · batch / rate, while the level's searches run, recorded
 * as the level's {@code insert} operation. A batch that falls behind goes at once, so one slow insert
 * is caught up on (Gatling's {@code pace} would not: it only spaces iterations); only inserts slower
 * than the period on average leave the achieved rate short of {@code ingest.rate}, and the results
 * say so. One user, so batches go in order: the row a batch starts at is known before it is sent,
 * and its first row is offered to the freshness probe once the insert is acknowledged.
 */
final class StreamingIngest {
  private static final String KEYS = "milvus.sweep.ingestedKeys";
  private static final String FIRST_ROW = "milvus.sweep.ingestFirstRow";

  private StreamingIngest() {}

  static PopulationBuilder population(SweepRun run, Level level, CollectionWrites writes, FreshnessProbe probe) {
    int batch = run.config().workload().batch();
    long periodNanos = Math.round(batch * 1e9 / run.config().workload().ingestRate());
    DatasetRows rows = writes.rows();
    long[] sent = {0};
    long[] startNanos = {0};
    return scenario("ingest " + level.label())
        .exec(session -> {
          startNanos[0] = System.nanoTime();
          return session;
        })
        .asLongAs(session -> level.ingesting).on(
            pause(session -> Duration.ofNanos(Math.max(0, startNanos[0] + sent[0]++ * periodNanos - System.nanoTime())))
                .doIf(session -> level.ingesting).then(
                exec(session -> session.set(FIRST_ROW, rows.nextRow()))
                    .exec(MilvusDsl.insert(level.requestName("insert")).collection(run.target().collection())
                        .rows(rows).batchSize(batch).saveIdsAs(KEYS).observer(level.operation("insert")))
                    .exec(session -> acknowledged(session, rows, writes, probe, level.parts.recall()))))
        .exec(session -> {
          level.ingestStopped = true;
          return session;
        })
        .injectOpen(atOnceUsers(1));
  }

  private static Session acknowledged(Session session, DatasetRows rows, CollectionWrites writes, FreshnessProbe probe,
      StreamingRecall recall) {
    if (!session.contains(KEYS)) {
      return session; // the insert failed: nothing was written
    }
    long ack = System.nanoTime();
    long[] keys = session.get(KEYS);
    writes.keys().add(keys);
    long firstRow = session.getLong(FIRST_ROW);
    if (recall != null) {
      recall.acknowledged(firstRow, keys, EpochClock.epochMicros(ack));
    }
    if (keys.length > 0) {
      probe.offer(keys[0], rows.vector(firstRow), ack);
    }
    return session.remove(KEYS);
  }
}
