package org.milvusbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.RunMerge;
import org.milvusbench.rundir.SweepResults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code merge}: the run directories of several injectors of one sweep into one run directory. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Merge the run directories of N injectors of one sweep (histograms added, raw latencies "
        + "concatenated, windows united) into one run directory that analyze, compare and --baseline read as any run.")
final class MergeCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "<injector-run-dir>", description = "The injectors' run directories, injector 0 first.")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The merged run directory (created).")
  Path out;

  @Override
  public Integer call() {
    SweepResults merged = RunMerge.merge(inputs, out);
    spec.commandLine().getOut().println(summary(merged, inputs.size(), out));
    spec.commandLine().getOut().flush();
    return AnalyzerMain.EXIT_OK;
  }

  /** One line per merged level: what the injectors sent together, and how far their windows overlapped. */
  static String summary(SweepResults merged, int injectors, Path out) {
    StringBuilder sb = new StringBuilder("merged " + injectors + " injectors into " + out);
    for (LevelResult l : merged.levels()) {
      sb.append(String.format(java.util.Locale.ROOT, "%n  %-12s %,d requests (%,d KO) over %.2f s, windows overlap %.0f %%",
          l.name(), l.totalRequests(), l.failures(), l.windowSeconds(),
          l.injectors() == null ? 100.0 : l.injectors().overlap() * 100));
    }
    return sb.toString();
  }
}
