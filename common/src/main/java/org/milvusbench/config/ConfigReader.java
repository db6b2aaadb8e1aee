package org.milvusbench.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads of {@code -D} values that collect problems instead of stopping at the first. */
public final class ConfigReader {
  private final Map<String, String> props;
  private final List<String> problems = new ArrayList<>();

  public ConfigReader(Map<String, String> props) {
    this.props = props;
  }

  public void problem(String message) {
    problems.add(message);
  }

  public void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid configuration:\n  " + String.join("\n  ", problems));
    }
  }

  private String raw(String key) {
    String v = props.get(key);
    // gatling-maven-plugin forwards -D values to its forked JVM with double quotes escaped
    // (-Dsearch.filter='category == "B"' arrives as category == \"B\"): undo that.
    return v == null || v.isBlank() ? null : v.trim().replace("\\\"", "\"");
  }

  public String text(String key, String fallback) {
    String v = raw(key);
    return v == null ? fallback : v;
  }

  public String choice(String key, String fallback, List<String> allowed) {
    String v = text(key, fallback);
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v)) {
        return a;
      }
    }
    problem(key + ": \"" + v + "\" is not one of " + String.join(", ", allowed));
    return fallback;
  }

  public boolean bool(String key, boolean fallback) {
    String v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    problem(key + ": \"" + v + "\" is not true or false");
    return fallback;
  }

  public long anyLong(String key, long fallback) {
    String v = raw(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      problem(key + ": \"" + v + "\" is not an integer");
      return fallback;
    }
  }

  public long positiveLong(String key, long fallback) {
    return longInRange(key, fallback, 1, Long.MAX_VALUE);
  }

  public long nonNegativeLong(String key, long fallback) {
    return longInRange(key, fallback, 0, Long.MAX_VALUE);
  }

  public long longInRange(String key, long fallback, long min, long max) {
    String v = raw(key);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(key + ": \"" + v + "\" is not " + describe(min, max));
    return fallback;
  }

  private static String describe(long min, long max) {
    if (max == Long.MAX_VALUE) {
      return min == 1 ? "a positive integer" : "an integer >= " + min;
    }
    return "an integer in " + min + ".." + max;
  }

  public List<Integer> positiveInts(String key, String fallback) {
    List<Integer> out = new ArrayList<>();
    for (String part : text(key, fallback).split(",")) {
      String p = part.trim();
      try {
        int n = Integer.parseInt(p);
        if (n > 0) {
          addOnce(key, out, n, p);
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(key + ": \"" + p + "\" is not a positive integer (e.g. 1,5,10)");
    }
    return List.copyOf(out);
  }

  /** Levels name Gatling's scenarios and the report's rows: each may run once. */
  private <T> void addOnce(String key, List<T> out, T value, String given) {
    if (out.contains(value)) {
      problem(key + ": " + given + " is listed twice; each level runs once");
    } else {
      out.add(value);
    }
  }

  public List<Double> positiveDoubles(String key, String fallback) {
    List<Double> out = new ArrayList<>();
    for (String part : text(key, fallback).split(",")) {
      String p = part.trim();
      try {
        double d = Double.parseDouble(p);
        if (d > 0 && Double.isFinite(d)) {
          addOnce(key, out, d, p);
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(key + ": \"" + p + "\" is not a positive number (e.g. 100,200,400)");
    }
    return List.copyOf(out);
  }

  public List<String> list(String key) {
    String v = raw(key);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return List.copyOf(out);
  }

  public Duration duration(String key, Duration fallback, boolean zeroAllowed) {
    String v = raw(key);
    if (v == null) {
      return fallback;
    }
    try {
      Duration d = DurationText.parse(key, v);
      if (d.isZero() && !zeroAllowed) {
        problem(key + ": \"" + v + "\" must be longer than zero (e.g. 30s)");
        return fallback;
      }
      return d;
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return fallback;
    }
  }
}
