package org.milvusbench.milvus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a classic histogram out of Prometheus's text exposition format (version 0.0.4, what Milvus and
 * the Prometheus clients serve): the {@code <name>_bucket} samples whose labels include the wanted
 * ones, summed per {@code le} over every other label (PromQL's {@code sum by (le)}: all collections,
 * databases and nodes together).
 */
public final class PromText {
  // name{labels} value [timestamp]; label values are quoted, with \" \\ \n escapes.
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\S+)?$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private PromText() {}

  /** {@code name}'s buckets among samples carrying every label of {@code wanted}; no buckets when none match. */
  public static PromHistogram histogram(String exposition, String name, Map<String, String> wanted) {
    TreeMap<Double, Double> byLe = new TreeMap<>();
    String bucket = name + "_bucket";
    for (String line : exposition.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.startsWith(bucket)) {
        continue;
      }
      Matcher m = SAMPLE.matcher(trimmed);
      if (!m.matches() || !m.group(1).equals(bucket)) {
        continue;
      }
      Map<String, String> labels = labels(m.group(3) == null ? "" : m.group(3));
      String le = labels.get("le");
      if (le == null || !labels.entrySet().containsAll(wanted.entrySet())) {
        continue;
      }
      byLe.merge(number(le), number(m.group(4)), Double::sum);
    }
    List<PromHistogram.Bucket> buckets = new ArrayList<>();
    byLe.forEach((le, count) -> buckets.add(new PromHistogram.Bucket(le, count)));
    return new PromHistogram(buckets);
  }

  /**
   * The sum of {@code name}'s samples (a counter or gauge) among those carrying every label of
   * {@code wanted}; null when the exposition has none, so that absent and zero differ.
   */
  public static Double sum(String exposition, String name, Map<String, String> wanted) {
    Double total = null;
    for (String line : exposition.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.startsWith(name)) {
        continue;
      }
      Matcher m = SAMPLE.matcher(trimmed);
      if (!m.matches() || !m.group(1).equals(name)) {
        continue;
      }
      Map<String, String> labels = labels(m.group(3) == null ? "" : m.group(3));
      if (labels.entrySet().containsAll(wanted.entrySet())) {
        total = (total == null ? 0 : total) + number(m.group(4));
      }
    }
    return total;
  }

  static Map<String, String> labels(String text) {
    Map<String, String> out = new TreeMap<>();
    Matcher m = LABEL.matcher(text);
    while (m.find()) {
      out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
    }
    return out;
  }

  /** A sample value or {@code le}: a float, or {@code +Inf} / {@code -Inf} / {@code NaN}. */
  static double number(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
