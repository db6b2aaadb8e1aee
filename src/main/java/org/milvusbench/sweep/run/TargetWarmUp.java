package org.milvusbench.sweep.run;

import io.milvus.grpc.SearchRequest;
import org.milvusbench.gatling.SearchRequests;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.sweep.SweepLog;

/**
 * The embedded target's JIT warm-up when local injectors drive it ({@code embedded.warmup}): the
 * same sequential searches as {@link SweepScenarios}' warm-up population, sent here before the
 * injectors start, since they see the target only by URI; then {@link JitSettling}'s rounds.
 */
final class TargetWarmUp {
  private TargetWarmUp() {}

  static void run(SweepRun run, int searches) {
    SweepLog.log("embedded target warm-up: " + searches + " sequential searches before the injectors start, not"
        + " recorded (JIT compilation; -Dembedded.warmup)");
    SearchRequest template = SearchRequests.first(run.search("embedded target warm-up"), run.protocol());
    QueryVectors queries = run.target().queries();
    int nq = run.config().nq();
    long deadlineMillis = run.config().deadline().toMillis();
    try (AdminClient admin = new AdminClient(run.target().target().endpoint())) {
      JitSettling jit = new JitSettling(admin, searches);
      int sent = 0;
      for (; sent < searches; sent++) {
        search(admin, template, queries, sent, nq, deadlineMillis);
      }
      jit.configuredDone();
      while (jit.another()) {
        for (int i = 0; i < JitSettling.round(searches); i++, sent++) {
          search(admin, template, queries, sent, nq, deadlineMillis);
        }
        jit.roundDone();
      }
      jit.log();
    }
  }

  private static void search(AdminClient admin, SearchRequest template, QueryVectors queries, int i, int nq,
      long deadlineMillis) {
    SearchRequest request = template.toBuilder()
        .setPlaceholderGroup(queries.placeholderGroup((int) ((long) i * nq % queries.size()), nq)).build();
    admin.search(request, deadlineMillis);
  }
}
