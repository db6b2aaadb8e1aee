package org.milvusbench.sweep.run;

import io.milvus.grpc.SearchRequest;
import java.util.Locale;
import org.milvusbench.gatling.SearchRequests;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.sweep.SweepLog;

/**
 * The embedded target's JIT warm-up when local injectors drive it ({@code embedded.warmup}): the
 * same sequential searches as {@link SweepScenarios}' warm-up population, sent here before the
 * injectors start, since they see the target only by URI. After the configured searches it goes on
 * in rounds of a tenth of them while the target's JIT still compiles for 2 % of a round or more (its
 * GetMetrics report says how long it has compiled), up to as many searches again and 60 s: C2 keeps
 * compiling the gRPC path for tens of seconds at a few hundred calls a second, and a level measured
 * meanwhile measures the compiler.
 */
final class TargetWarmUp {
  static final double SETTLED_COMPILE_SHARE = 0.02;
  static final long MAX_EXTRA_NANOS = 60_000_000_000L;

  private TargetWarmUp() {}

  static void run(SweepRun run, int searches) {
    SweepLog.log("embedded target warm-up: " + searches + " sequential searches before the injectors start, not"
        + " recorded (JIT compilation; -Dembedded.warmup)");
    SearchRequest template = SearchRequests.first(run.search("embedded target warm-up"), run.protocol());
    QueryVectors queries = run.target().queries();
    int nq = run.config().nq();
    long deadlineMillis = run.config().deadline().toMillis();
    try (AdminClient admin = new AdminClient(run.target().target().endpoint())) {
      long start = System.nanoTime();
      AdminClient.ServerStats first = admin.statsAndReset();
      int sent = 0;
      for (; sent < searches; sent++) {
        search(admin, template, queries, sent, nq, deadlineMillis);
      }
      if (first == null || first.jitMillis() < 0) {
        return; // a target that does not report its JIT
      }
      // More rounds while it compiles: at most as many searches again, at most 60 s.
      int round = Math.max(1, searches / 10);
      long extraStart = System.nanoTime();
      AdminClient.ServerStats last = admin.statsAndReset();
      boolean settled = false;
      while (!settled && last != null && sent + round <= 2 * searches
          && System.nanoTime() - extraStart < MAX_EXTRA_NANOS) {
        for (int i = 0; i < round; i++, sent++) {
          search(admin, template, queries, sent, nq, deadlineMillis);
        }
        AdminClient.ServerStats now = admin.statsAndReset();
        settled = now != null && settled(last, now);
        last = now;
      }
      if (last != null) {
        SweepLog.log(String.format(Locale.ROOT, "embedded target warm-up: %d searches in %.1f s; its JIT compiled"
            + " %d ms meanwhile%s", sent, (System.nanoTime() - start) / 1e9, last.jitMillis() - first.jitMillis(),
            settled ? ", under 2 % of the last round" : ", still 2 % or more of the last round"));
      }
    }
  }

  /** The target compiled for under {@link #SETTLED_COMPILE_SHARE} of the wall time between the two reports. */
  static boolean settled(AdminClient.ServerStats from, AdminClient.ServerStats to) {
    double wallMillis = (to.sampledAtNanos() - from.sampledAtNanos()) / 1e6;
    return to.jitMillis() - from.jitMillis() < SETTLED_COMPILE_SHARE * wallMillis;
  }

  private static void search(AdminClient admin, SearchRequest template, QueryVectors queries, int i, int nq,
      long deadlineMillis) {
    SearchRequest request = template.toBuilder()
        .setPlaceholderGroup(queries.placeholderGroup((int) ((long) i * nq % queries.size()), nq)).build();
    admin.search(request, deadlineMillis);
  }
}
