package org.milvusbench.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference script's {@code concurrent_test_results.json}: a list (what the script
 * dumps) or an object keyed by concurrency, of per-level objects with Chinese keys and values
 * formatted as strings ({@code "18.45ms"}, {@code "0.10%"}, {@code "12.34s"}). Plain numbers are
 * accepted too. Missing fields are derived where the others determine them.
 */
final class ReferenceResultsReader {
  static final String CONCURRENCY = "并发数";
  static final String TOTAL_REQUESTS = "总请求数";
  static final String TOTAL_TIME = "总耗时";
  static final String QPS = "QPS";
  static final String AVG = "平均延迟";
  static final String P50 = "P50延迟";
  static final String P95 = "P95延迟";
  static final String P99 = "P99延迟";
  static final String MAX = "最大延迟";
  static final String MIN = "最小延迟";
  static final String STD = "标准差";
  static final String SUCCESSES = "成功数";
  static final String FAILURES = "失败数";
  static final String FAILURE_RATE = "失败率";

  private ReferenceResultsReader() {}

  /** True when the tree looks like the reference's output rather than our results.json. */
  static boolean looksLikeReference(JsonNode root) {
    if (root.isArray()) {
      return root.size() > 0 && root.get(0).isObject() && root.get(0).has(CONCURRENCY);
    }
    if (root.isObject() && !root.has("levels") && root.size() > 0) {
      JsonNode first = root.elements().next();
      return first.isObject() && (first.has(QPS) || first.has(P95) || first.has(CONCURRENCY));
    }
    return false;
  }

  static RunData read(Path file, JsonNode root) {
    List<LevelMetrics> levels = new ArrayList<>();
    if (root.isArray()) {
      int i = 0;
      for (JsonNode level : root) {
        levels.add(level(file, "[" + i++ + "]", level, null));
      }
    } else {
      Iterator<Map.Entry<String, JsonNode>> it = root.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        levels.add(level(file, "\"" + e.getKey() + "\"", e.getValue(), e.getKey()));
      }
    }
    if (levels.isEmpty()) {
      throw new IllegalArgumentException(file + ": no levels in the reference results");
    }
    levels.sort(Comparator.comparingDouble(LevelMetrics::load));
    List<org.HdrHistogram.Histogram> none = new ArrayList<>();
    levels.forEach(l -> none.add(null));
    Path dir = file.toAbsolutePath().getParent();
    List<LevelIntervals> unjudged = new ArrayList<>();
    levels.forEach(l -> unjudged.add(LevelIntervals.none("the reference's results keep no intervals")));
    return new RunData(
        file, dir, "reference", file.getFileName().toString(), "closed", levels, none, null, 0,
        List.of(), unjudged);
  }

  private static LevelMetrics level(Path file, String where, JsonNode node, String key) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(file + ": level " + where + " is not an object");
    }
    Field f = new Field(file, where, node);
    int concurrency = concurrency(file, where, f, key);
    Throughput t = throughput(file, where, f);
    long totalRequests = t.totalRequests();
    double qps = t.qps();
    Double p95 = f.number(P95, "ms");
    if (p95 == null) {
      throw new IllegalArgumentException(
          file + ": level " + where + ": \"" + P95 + "\" (P95 latency) is missing");
    }
    Double failures = f.number(FAILURES, "");
    Double successes = f.number(SUCCESSES, "");
    Double ratePct = f.number(FAILURE_RATE, "%");
    if (failures == null && ratePct != null) failures = (double) Math.round(ratePct / 100 * totalRequests);
    if (failures == null && successes != null) failures = totalRequests - successes;
    if (failures == null) failures = 0.0;
    if (successes == null) successes = totalRequests - failures;
    double failureRate =
        ratePct != null ? ratePct / 100 : totalRequests > 0 ? failures / totalRequests : 0;
    double seconds = t.seconds();
    return new LevelMetrics(
        "c" + concurrency,
        concurrency,
        0,
        totalRequests,
        seconds,
        qps,
        seconds > 0 ? successes / seconds : 0,
        orZero(f.number(AVG, "ms")),
        orZero(f.number(P50, "ms")),
        p95,
        orZero(f.number(P99, "ms")),
        orZero(f.number(MAX, "ms")),
        orZero(f.number(MIN, "ms")),
        orZero(f.number(STD, "ms")),
        Math.round(successes),
        Math.round(failures),
        failureRate,
        null,
        0,
        null,
        "reference");
  }

  private static int concurrency(Path file, String where, Field f, String key) {
    Double concurrencyValue = f.number(CONCURRENCY, "");
    if (concurrencyValue == null && key != null) {
      concurrencyValue = Field.parse(file, where, CONCURRENCY, key, "");
    }
    if (concurrencyValue == null || concurrencyValue < 1) {
      throw new IllegalArgumentException(
          file + ": level " + where + ": \"" + CONCURRENCY + "\" (concurrency) is missing or < 1");
    }
    return (int) Math.round(concurrencyValue);
  }

  /** Requests, seconds and QPS of a level: the reference's JSON may give any two of the three. */
  private record Throughput(long totalRequests, double seconds, double qps) {}

  private static Throughput throughput(Path file, String where, Field f) {
    Double total = f.number(TOTAL_REQUESTS, "");
    Double time = f.number(TOTAL_TIME, "s");
    Double qps = f.number(QPS, "");
    if (qps == null && total != null && time != null && time > 0) qps = total / time;
    if (time == null && total != null && qps != null && qps > 0) time = total / qps;
    if (total == null && qps != null && time != null) total = (double) Math.round(qps * time);
    if (qps == null) {
      throw new IllegalArgumentException(
          file + ": level " + where + ": needs \"" + QPS + "\" or \"" + TOTAL_REQUESTS
              + "\" with \"" + TOTAL_TIME + "\"");
    }
    return new Throughput(total == null ? 0 : Math.round(total), time == null ? 0 : time, qps);
  }

  private static double orZero(Double d) {
    return d == null ? 0 : d;
  }

  /** One level object; values are numbers or strings with an optional unit suffix. */
  private record Field(Path file, String where, JsonNode node) {
    Double number(String key, String unit) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) return null;
      if (v.isNumber()) return v.doubleValue();
      return parse(file, where, key, v.asText(), unit);
    }

    static Double parse(Path file, String where, String key, String text, String unit) {
      String t = text.trim().replace(",", "");
      if (!unit.isEmpty() && t.endsWith(unit)) t = t.substring(0, t.length() - unit.length()).trim();
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + ": level " + where + ": \"" + key + "\" = \"" + text + "\" is not a number"
                + (unit.isEmpty() ? "" : " in " + unit + " (e.g. \"12.34" + unit + "\")"));
      }
    }
  }
}
