package org.milvusbench.sweep.config;

import static org.milvusbench.config.ConfigKeys.COMPARE_TOKEN;
import static org.milvusbench.config.ConfigKeys.COMPARE_URI;
import static org.milvusbench.config.ConfigKeys.SWEEP_TRIALS;

import org.milvusbench.config.ConfigReader;
import org.milvusbench.milvus.MilvusEndpoint;

/**
 * The {@code compare.*} keys and what the A/B mode needs: a remote baseline target, at least {@value
 * #MIN_TRIALS} trials (the verdict is a paired t over them), one injector and the search workload.
 * Problems go to the reader, before any load.
 */
final class CompareRules {
  /** Trials the paired verdict needs: n − 1 = 2 degrees of freedom at least. */
  static final int MIN_TRIALS = 3;

  private CompareRules() {}

  /** The baseline target, or null when {@code compare.uri} is not set. */
  static Compare read(ConfigReader r, Workload workload, Injectors injectors) {
    String uri = r.get(COMPARE_URI);
    String token = r.get(COMPARE_TOKEN);
    if (uri == null) {
      if (token != null) {
        r.problem("compare.token: set without compare.uri (it is the baseline target's token)");
      }
      return null;
    }
    if (uri.equalsIgnoreCase("embedded")) {
      r.problem("compare.uri: \"embedded\" is not supported: the embedded target is the candidate's (milvus.uri"
          + " unset), and a second one would share its data directory; start the baseline target elsewhere and give"
          + " its http(s)://host:port");
    } else {
      try {
        MilvusEndpoint.of(uri, null, null);
      } catch (IllegalArgumentException e) {
        r.problem(COMPARE_URI, e.getMessage().replaceFirst("^milvus uri: ", ""));
      }
    }
    int trials = r.get(SWEEP_TRIALS);
    if (trials < MIN_TRIALS) {
      r.problem("sweep.trials: " + trials + " with compare.uri; the A/B verdict is a paired t over the trials and needs"
          + " at least " + MIN_TRIALS + " (n - 1 >= 2 degrees of freedom; with 1, t(1)'s critical value fails almost"
          + " nothing), e.g. -Dsweep.trials=5");
    }
    if (injectors.of() > 1) {
      r.problem("sweep.injectors: " + injectors.of() + " with compare.uri; the A/B mode alternates the two targets"
          + " from one injector (several would have to alternate in step)");
    }
    if (workload.kind() != Workload.Kind.SEARCH) {
      r.problem("sweep.workload: " + workload.name() + " with compare.uri; the A/B mode compares the search workload"
          + " only (a writing workload's levels change each target's rows between the pairs)");
    }
    return new Compare(uri, token);
  }
}
