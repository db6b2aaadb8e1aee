package org.milvusbench.cli;

import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Analyzer;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.Comparison;
import org.milvusbench.analyzer.RunDirectory;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.milvusbench.config.ConfigReader;
import org.milvusbench.rundir.RunMerge;
import org.milvusbench.report.ConsoleReport;
import org.milvusbench.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The analyzer's command line: {@code analyze} a run (reports + SLA gate), {@code compare} two
 * runs, {@code merge} several injectors' runs. Exit codes: 0 = fine, 1 = an SLA was breached, 2 = bad input (missing or corrupt
 * file, bad option), each with one clear line and no stack trace.
 */
@Command(
    name = "analyzer",
    mixinStandardHelpOptions = true,
    version = "milvus-gatling-suite analyzer 0.1.0",
    description = "Analyses concurrency sweeps of the Milvus Gatling suite (or the reference script's "
        + "concurrent_test_results.json): tables, knee, USL fit, recommendation, capacity plan, SLA gate.",
    subcommands = {AnalyzerMain.Analyze.class, AnalyzerMain.Compare.class, MergeCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:fine", "1:an SLA was breached (one line per breach)", "2:bad input or options"})
public final class AnalyzerMain implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_SLA_BREACH = 1;
  public static final int EXIT_BAD_INPUT = 2;

  @Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; returns the exit code (for tests and embedding). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new AnalyzerMain());
    cli.setResourceBundle(KeyedOptions.helpTexts());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
        err.println("error: " + e.getMessage());
        err.flush();
        return EXIT_BAD_INPUT;
      }
      throw e;
    });
    // A bad option is one line plus where to look, not the whole usage text.
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("error: " + e.getMessage());
      err.println("see: analyzer " + (e.getCommandLine().getParent() == null ? "" : e.getCommandLine().getCommandName() + " ") + "--help");
      err.flush();
      return EXIT_BAD_INPUT;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: analyze or compare");
  }

  @Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Analyse one run: print the tables, write analysis.txt, analysis.json, "
          + "concurrency-overview.png, latency-percentiles.png, summary.html and junit-sla.xml, "
          + "and gate on the SLAs.")
  static final class Analyze implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<run-dir|results-file>",
        description = "A run directory (results.json), a results.json, or the reference script's "
            + "concurrent_test_results.json; several injectors' run directories are merged first (see merge, --merged).")
    List<Path> inputs;

    @Option(names = "--merged", paramLabel = "DIR",
        description = "With several run directories: where their merge goes (default: merged-<first run's name> beside it).")
    Path merged;

    // Each descriptionKey names the configuration key the option sets: help, default and parsing are the key's.
    @Option(names = "--target-qps", paramLabel = "N", descriptionKey = "capacity.targetQps")
    String targetQps;

    @Option(names = "--redundancy", paramLabel = "R", descriptionKey = "capacity.redundancy")
    String redundancy;

    @Option(names = "--sla-p95-ms", paramLabel = "X", descriptionKey = "sla.p95Ms")
    String slaP95Ms;

    @Option(names = "--sla-p95-ms-search", paramLabel = "X", descriptionKey = "sla.p95Ms.search")
    String slaP95MsSearch;

    @Option(names = "--sla-p95-ms-insert", paramLabel = "X", descriptionKey = "sla.p95Ms.insert")
    String slaP95MsInsert;

    @Option(names = "--sla-p95-ms-upsert", paramLabel = "X", descriptionKey = "sla.p95Ms.upsert")
    String slaP95MsUpsert;

    @Option(names = "--sla-p95-ms-delete", paramLabel = "X", descriptionKey = "sla.p95Ms.delete")
    String slaP95MsDelete;

    @Option(names = "--sla-p95-ms-query", paramLabel = "X", descriptionKey = "sla.p95Ms.query")
    String slaP95MsQuery;

    @Option(names = "--sla-max-failure-pct", paramLabel = "Y", descriptionKey = "sla.maxFailurePct")
    String slaMaxFailurePct;

    @Option(names = "--min-recall", paramLabel = "Z", descriptionKey = "sla.minRecall")
    String minRecall;

    @Option(names = "--knee-not-before", paramLabel = "C", descriptionKey = "sla.kneeNotBefore")
    String kneeNotBefore;

    /** Repeatable; the values are joined with commas into the one key, as {@code -Dbaseline=a,b,c}. */
    @Option(names = "--baseline", paramLabel = "RUN", descriptionKey = "baseline")
    List<String> baseline;

    @Option(names = "--sla-max-regression-pct", paramLabel = "P", descriptionKey = "sla.maxRegressionPct")
    String maxRegressionPct;

    @Option(names = "--knee-rule", paramLabel = "marginal|reference", descriptionKey = "knee.rule")
    String kneeRule;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the reports here (default: the run directory).")
    Path out;

    @Option(names = "--no-reports", description = "Print only; write no files.")
    boolean noReports;

    @Override
    public Integer call() {
      AnalyzerOptions options = options();
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter stderr = spec.commandLine().getErr();
      Path input = inputs.get(0);
      if (inputs.size() > 1) {
        Path first = input.toAbsolutePath().normalize();
        input = merged != null ? merged : first.resolveSibling("merged-" + first.getFileName());
        stdout.println(MergeCommand.summary(RunMerge.merge(inputs, input), inputs.size(), input));
        stdout.println();
      }
      AnalysisReport report = Analyzer.analyze(input, options);
      stdout.print(ConsoleReport.render(report));
      if (!noReports) {
        Path dir = out != null ? out : report.run().runDirectory();
        List<Path> files = ReportWriter.writeAll(dir, report);
        stdout.println();
        stdout.println("reports written to " + dir + ": "
            + files.stream().map(p -> p.getFileName().toString()).toList());
      }
      stdout.flush();
      for (String breach : report.breaches()) stderr.println("SLA breach: " + breach);
      stderr.flush();
      return report.passed() ? EXIT_OK : EXIT_SLA_BREACH;
    }

    /** The keyed options, read through the key table (as the sweep reads the same keys). */
    private AnalyzerOptions options() {
      ConfigReader reader = KeyedOptions.reader(spec);
      AnalyzerOptions options = AnalyzerOptions.read(reader);
      if (!reader.problems().isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), String.join("\nerror: ", reader.problems()));
      }
      return options;
    }
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Compare run B with run A at equal concurrency: QPS %%, P95 %%, recall deltas and a verdict.")
  static final class Compare implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run-A>", description = "Baseline run (directory or results file).")
    Path a;

    @Parameters(index = "1", paramLabel = "<run-B>", description = "Candidate run (directory or results file).")
    Path b;

    @Override
    public Integer call() {
      Comparison c = Comparison.compare(RunDirectory.load(a), RunDirectory.load(b));
      spec.commandLine().getOut().print(c.render());
      spec.commandLine().getOut().flush();
      return EXIT_OK;
    }
  }

}
