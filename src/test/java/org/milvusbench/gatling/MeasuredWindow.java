package org.milvusbench.gatling;

import io.milvus.grpc.SearchResults;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.core.SearchObserver;

/**
 * One operation's measured window inside its Gatling run, opened after the warm-up and closed
 * before the users stop, so neither Gatling's start-up nor its end is charged: requests the no-op
 * server answered in it, the generator's CPU per request ({@link ClientCpu}), and what the action's
 * observer heard (successes, failures, rows, latency).
 */
final class MeasuredWindow implements SearchObserver, OperationObserver {
  private final BenchOperation operation;
  private final NoopMilvusServer server;
  private final int users;
  private final ClientCpu cpu;
  private final LongAdder ok = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder rows = new LongAdder();
  private final Recorder latencyMicros = new Recorder(3);
  private long startNanos;
  private long startAnswered;
  private volatile OperationCost cost;

  MeasuredWindow(BenchOperation operation, NoopMilvusServer server, int users) {
    this.operation = operation;
    this.server = server;
    this.users = users;
    this.cpu = new ClientCpu(server, () -> operation.answered(server));
  }

  @Override
  public void onSearch(boolean ok, long startEpochMicros, long latencyMicros, int firstQueryIndex, SearchResults results) {
    onOperation(ok, startEpochMicros, latencyMicros, 0);
  }

  @Override
  public void onOperation(boolean ok, long startEpochMicros, long latencyMicros, long rows) {
    if (ok) {
      this.ok.increment();
      this.rows.add(rows);
      this.latencyMicros.recordValue(latencyMicros);
    } else {
      failed.increment();
    }
  }

  /** Starts the window: what came before (warm-up) is forgotten. */
  void open() {
    cpu.microsPerRequest();
    ok.reset();
    failed.reset();
    rows.reset();
    latencyMicros.reset();
    startAnswered = operation.answered(server);
    startNanos = System.nanoTime();
  }

  /** Ends the window and keeps its {@link #cost()}. */
  void close() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double clientMicros = cpu.microsPerRequest();
    long answered = operation.answered(server) - startAnswered;
    long succeeded = ok.sum();
    cost = new OperationCost(operation, users, answered / seconds, clientMicros, cpu.serverMicrosPerRequest,
        latencyMicros.getIntervalHistogram().getValueAtPercentile(50), succeeded == 0 ? 0 : (double) rows.sum() / succeeded,
        failed.sum());
  }

  /** What the window measured; null until it was closed. */
  OperationCost cost() {
    return cost;
  }
}
