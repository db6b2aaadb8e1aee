package org.milvusbench.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The numeric values of the key table: integers, numbers, percentages, fractions, and the lists of
 * them (levels, rates, weights). Complaints quote what was typed and say what is allowed, as in
 * {@link ValueParsers}.
 */
public final class NumberParsers {
  private NumberParsers() {}

  /** Any 64-bit integer. */
  public static ValueParser<Long> anyLong() {
    return ValueParser.of("integer", v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new InvalidValue("\"" + v + "\" is not an integer");
      }
    });
  }

  /** A positive 64-bit integer. */
  public static ValueParser<Long> positiveLong() {
    return ValueParser.of("positive integer", v -> longIn(v, 1, Long.MAX_VALUE, "a positive integer"));
  }

  /** An integer in {@code min..max}; {@code max = Integer.MAX_VALUE} reads "positive" / ">= min". */
  public static ValueParser<Integer> integer(int min, int max) {
    String allowed = max == Integer.MAX_VALUE ? (min == 1 ? "positive integer" : "integer >= " + min) : min + ".." + max;
    String expected = max != Integer.MAX_VALUE ? "an integer in " + allowed : min == 1 ? "a positive integer" : "an " + allowed;
    return ValueParser.of(allowed, v -> (int) longIn(v, min, max, expected));
  }

  private static long longIn(String v, long min, long max, String expected) {
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidValue("\"" + v + "\" is not " + expected);
  }

  /** A finite number > 0. */
  public static ValueParser<Double> positiveNumber(String allowed) {
    return ValueParser.of(allowed, v -> {
      Double d = number(v);
      if (d == null || d <= 0) {
        throw new InvalidValue("\"" + v + "\" is not a positive number");
      }
      return d;
    });
  }

  /** A percentage in [0, 100], with or without a trailing {@code %}. */
  public static ValueParser<Double> percent() {
    return ValueParser.of("0..100", v -> {
      Double d = number(v.endsWith("%") ? v.substring(0, v.length() - 1).trim() : v);
      if (d == null || d < 0 || d > 100) {
        throw new InvalidValue("\"" + v + "\" is not a percentage in [0, 100] (e.g. 1.5)");
      }
      return d;
    });
  }

  /** A fraction in [0, 1]; {@code what} names it in complaints ({@code a recall}). */
  public static ValueParser<Double> fraction(String what, String example) {
    return ValueParser.of("0..1", v -> {
      Double d = number(v);
      if (d == null || d < 0 || d > 1) {
        throw new InvalidValue("\"" + v + "\" is not " + what + " in [0, 1] (e.g. " + example + ")");
      }
      return d;
    });
  }

  private static Double number(String v) {
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Comma-separated positive integers, each at most once: they name Gatling's scenarios and the
   * report's rows, so each level runs once.
   */
  public static ValueParser<List<Integer>> positiveIntegers() {
    return ValueParser.of("positive integers, comma-separated",
        v -> distinct(v, p -> {
          int n = Integer.parseInt(p);
          return n > 0 ? n : null;
        }, "a positive integer (e.g. 1,5,10)"));
  }

  /** Comma-separated finite positive numbers, each at most once (as {@link #positiveIntegers()}). */
  public static ValueParser<List<Double>> positiveNumbers(String allowed) {
    return ValueParser.of(allowed, v -> distinct(v, p -> {
      double d = Double.parseDouble(p);
      return d > 0 && Double.isFinite(d) ? d : null;
    }, "a positive number (e.g. 100,200,400)"));
  }

  /** {@code element} returns null or throws NumberFormatException for a bad item. */
  private static <T> List<T> distinct(String v, Function<String, T> element, String expected) {
    List<T> out = new ArrayList<>();
    List<String> complaints = new ArrayList<>();
    for (String part : v.split(",")) {
      String p = part.trim();
      T value;
      try {
        value = element.apply(p);
      } catch (NumberFormatException e) {
        value = null;
      }
      if (value == null) {
        complaints.add("\"" + p + "\" is not " + expected);
      } else if (out.contains(value)) {
        complaints.add(p + " is listed twice; each level runs once");
      } else {
        out.add(value);
      }
    }
    if (!complaints.isEmpty()) {
      throw new InvalidValue(complaints);
    }
    return List.copyOf(out);
  }

  /**
   * Comma-separated {@code name:weight} pairs, each name one of {@code names} at most once, each
   * weight a positive integer; the map keeps the order written.
   */
  public static ValueParser<Map<String, Integer>> weights(List<String> names) {
    return ValueParser.of("name:weight pairs of " + String.join(", ", names), v -> {
      Map<String, Integer> out = new LinkedHashMap<>();
      List<String> complaints = new ArrayList<>();
      for (String part : ValueParsers.plainText(v).split(",")) {
        String p = part.trim();
        String[] nw = p.split(":", -1);
        Integer weight = nw.length == 2 ? positiveInt(nw[1].trim()) : null;
        String name = nw[0].trim().toLowerCase(Locale.ROOT);
        if (weight == null) {
          complaints.add("\"" + p + "\" is not name:weight with a positive integer weight (e.g. search:90)");
        } else if (!names.contains(name)) {
          complaints.add("\"" + nw[0].trim() + "\" is not one of " + String.join(", ", names));
        } else if (out.put(name, weight) != null) {
          complaints.add(name + " is listed twice");
        }
      }
      if (!complaints.isEmpty()) {
        throw new InvalidValue(complaints);
      }
      return Collections.unmodifiableMap(out);
    });
  }

  private static Integer positiveInt(String p) {
    try {
      int n = Integer.parseInt(p);
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
