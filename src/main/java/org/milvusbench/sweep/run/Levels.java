package org.milvusbench.sweep.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.core.StartSchedule;
import org.milvusbench.recorder.LevelRecorder;
import org.milvusbench.recorder.RecallAccumulator;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.sweep.config.SweepConfig;
import org.milvusbench.sweep.config.Workload;
import org.milvusbench.sweep.setup.SeededTruth;

/** The sweep's levels as its configuration and workload describe them, each with its recorders. */
final class Levels {
  private Levels() {}

  /**
   * @param baselineQueries the A/B mode: the same vectors with the baseline target's ground truth (its
   *     keys may differ from the candidate's), else null
   */
  static List<Level> of(SweepConfig config, QueryVectors queries, SeededTruth seeded, QueryVectors baselineQueries) {
    List<Level> out = new ArrayList<>();
    boolean closed = config.mode() == SweepConfig.Mode.CLOSED;
    int count = closed ? config.levels().size() : config.rates().size();
    // Trials repeat the whole schedule (1..L, 1..L, …), not each level in place: slow drift of the
    // machine or the target then spreads over every level alike instead of biasing one.
    for (int t = 1; t <= config.trials(); t++) {
      for (int i = 0; i < count; i++) {
        // With several injectors, this one's share of the level's users or arrival rate.
        int c = closed ? (int) config.injectors().share(config.levels().get(i)) : 0;
        double rate = closed ? 0 : config.injectors().shareOfRate(config.rates().get(i));
        for (String role : roles(config, t)) {
          StartSchedule schedule = closed ? StartSchedule.AT_SEND : new OpenModelSchedule(rate);
          Level.Trial trial = new Level.Trial(t, config.trials(), role);
          QueryVectors own = LevelResult.BASELINE.equals(role) ? baselineQueries : queries;
          out.add(level(config, own, seeded, out.size(), c, rate, schedule, trial));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The targets of trial {@code t}, in order. One target: itself (no role). The A/B mode runs each level
   * on both targets back to back, and alternates which goes first by trial (ABBA): odd trials the
   * baseline then the candidate, even trials the candidate then the baseline. A drift of the machine
   * that is linear over two trials then favours each target equally often, so it cancels in the
   * paired differences instead of showing up as a regression.
   */
  static List<String> roles(SweepConfig config, int t) {
    if (!config.comparesTargets()) {
      return java.util.Collections.singletonList(null);
    }
    return t % 2 == 1 ? List.of(LevelResult.BASELINE, LevelResult.CANDIDATE)
        : List.of(LevelResult.CANDIDATE, LevelResult.BASELINE);
  }

  private static Level level(SweepConfig config, QueryVectors queries, SeededTruth seeded, int index, int c,
      double rate, StartSchedule schedule, Level.Trial trial) {
    Workload workload = config.workload();
    String label = Level.label(c, rate) + trial.suffix();
    LevelBudget budget = budget(config);
    Map<String, LevelRecorder> operations = new LinkedHashMap<>();
    switch (workload.kind()) {
      case SEARCH -> {
        LevelRecorder search = recorder(config, LevelResult.SEARCH, label, recall(config, queries));
        return new Level(index, c, rate, search, budget, schedule, Level.Parts.NONE, trial);
      }
      case STREAMING -> {
        // Beside the ingest the seeded rows' ground truth is no longer the right answer (new rows can
        // be nearer): StreamingRecall scores against the rows present instead.
        LevelRecorder search = recorder(config, LevelResult.SEARCH, label, null);
        operations.put(LevelResult.SEARCH_NO_INGEST, recorder(config, LevelResult.SEARCH_NO_INGEST, label,
            recall(config, queries)));
        operations.put("insert", recorder(config, "insert", label, null));
        return new Level(index, c, rate, search, budget, schedule,
            new Level.Parts(operations, budget(config), c > 0 ? StartSchedule.AT_SEND : new OpenModelSchedule(rate),
                new FreshnessRecorder(), null,
                seeded != null && config.filter() == null ? new StreamingRecall(seeded, config.topK(), config.metric()) : null),
            trial);
      }
      case MIXED -> {
        LevelRecorder all = recorder(config, LevelResult.ALL, label, null);
        for (String op : workload.mix().keySet()) {
          operations.put(op, recorder(config, op, label, null));
        }
        return new Level(index, c, rate, all, budget, schedule,
            new Level.Parts(operations, null, null, null, new MixDeal(workload.mix()), null), trial);
      }
      default -> throw new IllegalStateException(workload.kind().name());
    }
  }

  private static LevelRecorder recorder(SweepConfig config, String operation, String label, RecallAccumulator recall) {
    return new LevelRecorder(operation + " " + label, config.keepRaw(), recall);
  }

  private static LevelBudget budget(SweepConfig config) {
    return config.duration() != null
        ? LevelBudget.duration(config.duration().toNanos())
        : LevelBudget.requests(config.injectors().share(config.requests()));
  }

  /** With a filter the queries carry the filter's own ground truth, or none when it cannot be computed. */
  private static RecallAccumulator recall(SweepConfig config, QueryVectors queries) {
    return queries.hasGroundTruth()
        ? new RecallAccumulator(config.topK(), queries.size(), queries::groundTruth) : null;
  }
}
