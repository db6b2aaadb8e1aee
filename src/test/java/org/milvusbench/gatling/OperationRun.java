package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatling.core.session.Session;
import io.netty.channel.EventLoop;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.internal.MilvusComponents;
import org.milvusbench.gatling.internal.Operation;
import org.milvusbench.gatling.internal.OperationAction;
import org.milvusbench.gatling.internal.OperationSpec;

/**
 * One request of an insert, upsert, delete or query builder, run as its action outside Gatling
 * ({@link ActionRun}), with what Gatling and the observer were told.
 */
final class OperationRun {
  private OperationRun() {}

  /** What one request produced. */
  static final class Outcome implements OperationObserver {
    RecordingStatsEngine.Response stats;
    Session session;
    volatile int observations;
    volatile boolean ok;
    volatile long startEpochMicros;
    volatile long latencyMicros;
    volatile long rows = -1;
    volatile Thread observerThread;
    volatile boolean insideGrpcListener;

    @Override
    public void onOperation(boolean ok, long startEpochMicros, long latencyMicros, long rows) {
      this.observations++;
      this.ok = ok;
      this.startEpochMicros = startEpochMicros;
      this.latencyMicros = latencyMicros;
      this.rows = rows;
      this.observerThread = Thread.currentThread();
      this.insideGrpcListener = ActionRun.insideGrpcListener();
    }

    /** Gatling got the observer's latency, converted once: whole ms from the same µs. */
    void assertGatlingGotTheObservedLatency() {
      assertEquals(Math.round(latencyMicros / 1000.0), stats.endMillis() - stats.startMillis());
      assertEquals(Math.round((startEpochMicros + latencyMicros) / 1000.0), stats.endMillis());
    }
  }

  /** Runs one request of {@code builder} through {@code components} for a user of {@code userLoop}. */
  static Outcome run(MilvusDataActionBuilder<?> builder, MilvusComponents components, EventLoop userLoop)
      throws Exception {
    Outcome outcome = new Outcome();
    MilvusDataActionBuilder<?> observed = builder.observer(outcome);
    ActionRun run = new ActionRun();
    outcome.session = run.execute(action(observed.requireComplete(), observed.operation(components.protocol()),
        components, run), userLoop);
    outcome.stats = run.stats.single();
    assertEquals(1, run.resumes.get(), "resumed once");
    return outcome;
  }

  private static <Q, R> OperationAction<Q, R> action(OperationSpec spec, Operation<Q, R> operation,
      MilvusComponents components, ActionRun run) {
    return new OperationAction<>(spec, operation, components, run.stats, run.next);
  }
}
