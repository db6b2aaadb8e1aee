package org.milvusbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.milvusbench.config.ConfigKeys;
import org.milvusbench.sweep.config.SweepConfig;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The analyzer's options are the sweep's keys: the same bad value gets the same message. */
class SameKeysTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("--sla-p95-ms", "sla.p95Ms", "-1", "\"-1\" is not a positive number"),
        Arguments.of("--sla-p95-ms-insert", "sla.p95Ms.insert", "0", "\"0\" is not a positive number"),
        Arguments.of("--sla-p95-ms-query", "sla.p95Ms.query", "fast", "\"fast\" is not a positive number"),
        Arguments.of("--sla-max-failure-pct", "sla.maxFailurePct", "150%", "\"150%\" is not a percentage in [0, 100] (e.g. 1.5)"),
        Arguments.of("--min-recall", "sla.minRecall", "2", "\"2\" is not a recall in [0, 1] (e.g. 0.9)"),
        Arguments.of("--knee-not-before", "sla.kneeNotBefore", "0", "\"0\" is not a positive integer"),
        Arguments.of("--target-qps", "capacity.targetQps", "-3", "\"-3\" is not a positive number"),
        Arguments.of("--redundancy", "capacity.redundancy", "two", "\"two\" is not a positive integer"),
        Arguments.of("--knee-rule", "knee.rule", "steep", "\"steep\" is not one of marginal, reference"));
  }

  @ParameterizedTest(name = "{0} / {1} = {2}")
  @MethodSource("badValues")
  void theCliAndTheSweepRejectABadValueAlike(String flag, String key, String value, String complaint) {
    String sweep = assertThrows(IllegalArgumentException.class, () -> SweepConfig.parse(Map.of(key, value))).getMessage();
    assertEquals("invalid configuration:\n  " + key + ": " + complaint, sweep);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = AnalyzerMain.run(new String[] {"analyze", "target/no-such-run", flag, value}, new PrintWriter(out),
        new PrintWriter(err));
    assertEquals(AnalyzerMain.EXIT_BAD_INPUT, status);
    assertEquals("error: " + flag + ": " + complaint, err.toString().lines().findFirst().orElseThrow());
  }

  @Test
  void everyAnalyzerKeyIsAFlagWhoseHelpIsTheKeys() {
    CommandLine analyze = new CommandLine(new AnalyzerMain()).getSubcommands().get("analyze");
    analyze.setResourceBundle(KeyedOptions.helpTexts());
    badValues().forEach(args -> {
      OptionSpec option = analyze.getCommandSpec().findOption((String) args.get()[0]);
      String key = (String) args.get()[1];
      assertEquals(key, option.descriptionKey());
      // picocli gives the text as printed: the doubled % of the bundle are single again.
      assertEquals(KeyedOptions.helpText(ConfigKeys.byName(key).orElseThrow()).replace("%%", "%"), option.description()[0]);
    });
    assertEquals("SLA: the knee must not come before this concurrency [positive integer; default none; key sla.kneeNotBefore]",
        KeyedOptions.helpText(ConfigKeys.SLA_KNEE_NOT_BEFORE));
    assertEquals("capacity plan: redundancy factor multiplied into the machine count [positive integer; default 2; "
        + "key capacity.redundancy]", KeyedOptions.helpText(ConfigKeys.CAPACITY_REDUNDANCY));
  }

  @Test
  void severalBadOptionsAreOneErrorLineEach() {
    StringWriter err = new StringWriter();
    AnalyzerMain.run(new String[] {"analyze", "target/no-such-run", "--redundancy", "0", "--min-recall", "2"},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertTrue(err.toString().startsWith("error: --min-recall: \"2\" is not a recall in [0, 1] (e.g. 0.9)\n"
        + "error: --redundancy: \"0\" is not a positive integer\n"), err.toString());
  }

  @Test
  void theCliDefaultsAreTheKeys() {
    StringWriter out = new StringWriter();
    AnalyzerMain.run(new String[] {"analyze", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
    String help = out.toString().replaceAll("\\s+", " "); // picocli wraps at 80 columns and pads
    assertTrue(help.contains("--redundancy=R capacity plan: redundancy factor multiplied into the machine count"
        + " [positive integer; default 2; key capacity.redundancy]"), help);
    assertTrue(help.contains("[marginal, reference; default marginal; key knee.rule]"), help);
  }
}
