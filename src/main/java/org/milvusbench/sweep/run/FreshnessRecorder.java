package org.milvusbench.sweep.run;

import org.milvusbench.recorder.RawLatencyLog;

/**
 * One streaming level's freshness samples (µs), written by the probe's thread and read once the
 * level has ended.
 */
final class FreshnessRecorder {
  private final RawLatencyLog visibleMicros = new RawLatencyLog();
  private long notVisible;

  synchronized void visible(long micros) {
    visibleMicros.add(micros);
  }

  synchronized void notVisible() {
    notVisible++;
  }

  synchronized long[] visibleMicros() {
    return visibleMicros.toArray();
  }

  synchronized long notVisibleCount() {
    return notVisible;
  }
}
