package org.milvusbench.sweep.run;

import java.util.Locale;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.sweep.SweepLog;

/**
 * The second half of the embedded target's warm-up: after the configured searches, more rounds of
 * a tenth of them while the target's JIT still compiled for 2 % of a round or more (GetMetrics
 * reports its compile time), up to as many searches again and 60 s. C2 keeps compiling the gRPC
 * path for tens of seconds at a few hundred calls a second, and a level measured meanwhile measures
 * the compiler. A target that does not report its JIT gets no extra rounds.
 */
final class JitSettling {
  static final double SETTLED_COMPILE_SHARE = 0.02;
  static final long MAX_EXTRA_NANOS = 60_000_000_000L;

  private final AdminClient admin;
  private final int configured;
  private final long startNanos = System.nanoTime();
  private final AdminClient.ServerStats first;
  private AdminClient.ServerStats last;
  private long extraStartNanos;
  private int extraSearches;
  private boolean settled;

  /** Before the configured searches. */
  JitSettling(AdminClient admin, int configured) {
    this.admin = admin;
    this.configured = configured;
    this.first = admin.statsAndReset();
  }

  /** Searches per extra round: a tenth of the configured ones. */
  static int round(int configured) {
    return Math.max(1, configured / 10);
  }

  /** The configured searches are done. */
  void configuredDone() {
    extraStartNanos = System.nanoTime();
    last = reports() ? admin.statsAndReset() : null;
  }

  /** Whether another round is due. */
  boolean another() {
    return last != null && !settled && extraSearches + round(configured) <= configured
        && System.nanoTime() - extraStartNanos < MAX_EXTRA_NANOS;
  }

  /** A round is done. */
  void roundDone() {
    extraSearches += round(configured);
    AdminClient.ServerStats now = admin.statsAndReset();
    settled = now != null && settled(last, now);
    last = now;
  }

  /** Logs how the warm-up went. */
  void log() {
    if (last != null) {
      SweepLog.log(String.format(Locale.ROOT, "embedded target warm-up: %d searches in %.1f s; its JIT compiled %d ms"
          + " meanwhile, %s", configured + extraSearches, (System.nanoTime() - startNanos) / 1e9,
          last.jitMillis() - first.jitMillis(), settled ? "under 2 % of the last round" : "still 2 % or more of the last round"));
    }
  }

  private boolean reports() {
    return first != null && first.jitMillis() >= 0;
  }

  /** The target compiled for under {@link #SETTLED_COMPILE_SHARE} of the wall time between the two reports. */
  static boolean settled(AdminClient.ServerStats from, AdminClient.ServerStats to) {
    double wallMillis = (to.sampledAtNanos() - from.sampledAtNanos()) / 1e6;
    return to.jitMillis() - from.jitMillis() < SETTLED_COMPILE_SHARE * wallMillis;
  }
}
