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
    String gatlingReportDir) {

  public static final String SCHEMA = "milvusbench.results/1";

  /** Without the Gatling report directory (the original contract's fields). */
  public SweepResults(String schema, String runId, String startedAt, String mode, Target target,
      Map<String, String> config, int cpuCores, List<LevelResult> levels) {
    this(schema, runId, startedAt, mode, target, config, cpuCores, levels, null);
  }

  public record Target(String uri, boolean embedded, String serverVersion) {}
}
