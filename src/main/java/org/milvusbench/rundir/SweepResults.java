package org.milvusbench.rundir;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: the contract between the sweep (writer) and the analyzer (reader).
 *
 * @param schema always {@link #SCHEMA}
 * @param mode {@code closed} or {@code open}
 * @param target where the load went: the URI (never a token) and whether it was embedded
 * @param config the effective configuration (keys as the user writes them; secrets removed)
 * @param cpuCores cores of the generator's machine
 * @param gatlingReportDir Gatling's own run/report directory for this sweep (absolute); null if unknown
 * @param compareTarget A/B mode ({@code compare.uri}): the baseline target, whose rows have the role {@link
 *     LevelResult#BASELINE} ({@code target} is then the candidate's); null in a run of one target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepResults(
    String schema,
    String runId,
    String startedAt,
    String mode,
    Target target,
    Map<String, String> config,
    int cpuCores,
    List<LevelResult> levels,
    String gatlingReportDir,
    Target compareTarget) {

  public static final String SCHEMA = "milvusbench.results/1";

  /** A run of one target. */
  public SweepResults(String schema, String runId, String startedAt, String mode, Target target,
      Map<String, String> config, int cpuCores, List<LevelResult> levels, String gatlingReportDir) {
    this(schema, runId, startedAt, mode, target, config, cpuCores, levels, gatlingReportDir, null);
  }

  /** Without the Gatling report directory (the original contract's fields). */
  public SweepResults(String schema, String runId, String startedAt, String mode, Target target,
      Map<String, String> config, int cpuCores, List<LevelResult> levels) {
    this(schema, runId, startedAt, mode, target, config, cpuCores, levels, null);
  }

  /** These results with {@code levels} instead of their own (e.g. one trial's, one role's). */
  public SweepResults withLevels(List<LevelResult> levels) {
    return new SweepResults(schema, runId, startedAt, mode, target, config, cpuCores, levels, gatlingReportDir,
        compareTarget);
  }

  /** These results with Gatling's report directory. */
  public SweepResults withGatlingReportDir(String dir) {
    return new SweepResults(schema, runId, startedAt, mode, target, config, cpuCores, levels, dir, compareTarget);
  }

  /** True for an A/B run: some row measured the baseline target ({@link LevelResult#BASELINE}). */
  public boolean comparesTargets() {
    return levels != null && levels.stream().anyMatch(l -> l != null && LevelResult.BASELINE.equals(l.role()));
  }

  /**
   * The rows of one A/B role ({@link LevelResult#CANDIDATE}: also rows without a role), as results of
   * their own; with the baseline's, {@code target} is the baseline target.
   */
  public SweepResults ofRole(String role) {
    List<LevelResult> rows = levels.stream().filter(l -> l != null && l.roleName().equals(role)).toList();
    Target shown = LevelResult.BASELINE.equals(role) && compareTarget != null ? compareTarget : target;
    return new SweepResults(schema, runId, startedAt, mode, shown, config, cpuCores, rows, gatlingReportDir, null);
  }

  public record Target(String uri, boolean embedded, String serverVersion) {}
}
