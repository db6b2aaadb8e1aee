package org.milvusbench.sweep.run;

import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResults;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.milvusbench.milvus.AdminClient;

/**
 * Measures freshness under a streaming ingest: for a sample of inserted rows, the time from the
 * insert's acknowledgement until a search with the row's own vector returns the row's key. One
 * thread on its own connection (so a row written on one connection must be seen on another)
 * searches back to back until the row appears or {@code timeoutMillis} pass, then takes the most
 * recently acknowledged row offered meanwhile (older offers are dropped: a sample, not every
 * row). The delay includes the probing search's own latency, and a row that is not there yet is
 * probed again 5 ms later: that is the resolution.
 */
final class FreshnessProbe implements AutoCloseable {
  /** An acknowledged row: its key, its vector, and when the acknowledgement arrived ({@link System#nanoTime()}). */
  record Offer(long key, float[] vector, long ackNanos) {}

  // Between unsuccessful probes: on Milvus at Bounded a row takes ~1 s to appear, and back-to-back
  // probes would add hundreds of searches a second to the load being measured.
  private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final AdminClient client;
  private final Function<float[], SearchRequest> requests;
  private final long timeoutMillis;
  private final AtomicReference<Offer> offered = new AtomicReference<>();
  private volatile FreshnessRecorder sink;
  private volatile boolean closed;
  private final Thread thread;

  /**
   * @param requests the probing search of one vector (the load's collection, field, metric, topK
   *     and consistency level, no filter: an inserted row need not match one)
   */
  FreshnessProbe(AdminClient client, Function<float[], SearchRequest> requests, long timeoutMillis) {
    this.client = client;
    this.requests = requests;
    this.timeoutMillis = timeoutMillis;
    this.thread = new Thread(this::run, "milvus-sweep-freshness");
    thread.setDaemon(true);
    thread.start();
  }

  /** Where the next samples go (the running level's recorder); null drops offers between levels. */
  void recordInto(FreshnessRecorder recorder) {
    sink = recorder;
    offered.set(null);
  }

  /** Offers an acknowledged row; cheap, called on the ingest user's event loop. */
  void offer(long key, float[] vector, long ackNanos) {
    if (sink != null) {
      offered.set(new Offer(key, vector, ackNanos));
    }
  }

  long timeoutMillis() {
    return timeoutMillis;
  }

  private void run() {
    while (!closed) {
      Offer offer = offered.getAndSet(null);
      FreshnessRecorder recorder = sink;
      if (offer == null || recorder == null) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        continue;
      }
      probe(offer, recorder);
    }
  }

  private void probe(Offer offer, FreshnessRecorder recorder) {
    SearchRequest request = requests.apply(offer.vector());
    long deadline = offer.ackNanos() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!closed) {
      boolean found;
      try {
        found = contains(client.search(request, timeoutMillis), offer.key());
      } catch (RuntimeException e) {
        found = false; // a failed probe is not a sighting; the next one may succeed
      }
      long now = System.nanoTime();
      if (found) {
        recorder.visible((now - offer.ackNanos() + 500) / 1000);
        return;
      }
      if (now - deadline >= 0) {
        recorder.notVisible();
        return;
      }
      LockSupport.parkNanos(RETRY_NANOS);
    }
  }

  private static boolean contains(SearchResults results, long key) {
    for (long id : results.getResults().getIds().getIntId().getDataList()) {
      if (id == key) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    client.close();
  }
}
