package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatling.core.session.Session;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.internal.ActionSpec;
import org.milvusbench.gatling.internal.DataSpec;
import org.milvusbench.gatling.internal.MilvusComponents;
import org.milvusbench.gatling.internal.MilvusProtocol;
import org.milvusbench.gatling.internal.Operation;
import org.milvusbench.gatling.internal.OperationAction;

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

    /**
     * A KO with this code, the user failed, the observer told with no rows; Gatling got its latency.
     * The message is the caller's to check (exact, or a prefix for gRPC's).
     */
    void assertKo(String code) {
      assertEquals("KO", stats.status());
      assertEquals(code, stats.code());
      assertTrue(session.isFailed(), "the user goes on failed");
      assertFalse(ok);
      assertEquals(0, rows);
      assertGatlingGotTheObservedLatency();
    }

    /** Gatling got the observer's latency, converted once: whole ms from the same µs. */
    void assertGatlingGotTheObservedLatency() {
      assertEquals(Math.round(latencyMicros / 1000.0), stats.endMillis() - stats.startMillis());
      assertEquals(Math.round((startEpochMicros + latencyMicros) / 1000.0), stats.endMillis());
    }
  }

  /** Runs one request of {@code builder} through {@code components} for a user of {@code userLoop}. */
  static Outcome run(MilvusDataActionBuilder<?, ?> builder, MilvusComponents components, EventLoop userLoop)
      throws Exception {
    Outcome outcome = new Outcome();
    DataSpec<?> spec = builder.observer(outcome).wrapped.requireComplete();
    ActionRun run = new ActionRun();
    OperationAction<?, ?> action = action(spec.base(), spec.operation(components.protocol()), components, run);
    outcome.session = run.execute(action, userLoop);
    outcome.stats = run.stats.single();
    assertEquals(1, run.resumes.get(), "resumed once");
    return outcome;
  }

  /**
   * Runs one request of {@code builder} through new components of {@code protocol}, for a user of a
   * loop the channels do not live on (so the reply is handed over to it).
   */
  static Outcome runOnForeignLoop(MilvusDataActionBuilder<?, ?> builder, MilvusProtocol protocol) throws Exception {
    DefaultEventLoop userLoop = new DefaultEventLoop();
    try (MilvusComponents components = new MilvusComponents(protocol)) {
      return run(builder, components, userLoop);
    } finally {
      userLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private static <Q, R> OperationAction<Q, R> action(ActionSpec<OperationObserver> spec, Operation<Q, R> operation,
      MilvusComponents components, ActionRun run) {
    return new OperationAction<>(spec, operation, components, run.stats, run.next);
  }
}
