package org.milvusbench.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kinds of text value the key table holds (numbers are in {@link NumberParsers}). Each complaint quotes what was typed and says what is
 * allowed ({@code "0" is not a positive integer (e.g. 1,5,10)}); the reader adds the key's name.
 */
public final class ValueParsers {
  private static final String MILVUS_NAME = "[A-Za-z_][A-Za-z0-9_]{0,254}";

  private ValueParsers() {}

  /** Any text without control characters; a complaint never echoes it (tokens are values too). */
  public static ValueParser<String> text(String allowed) {
    return ValueParser.of(allowed, ValueParsers::plainText);
  }

  /** A collection, field or database name as Milvus accepts it. */
  public static ValueParser<String> milvusName(String allowed) {
    return ValueParser.of(allowed, v -> {
      if (!plainText(v).matches(MILVUS_NAME)) {
        throw new InvalidValue("\"" + v + "\" is not a Milvus name (a letter or _, then letters, digits, _)");
      }
      return v;
    });
  }

  /** Comma-separated text items; blank items are skipped. */
  public static ValueParser<List<String>> textList(String allowed) {
    return ValueParser.of(allowed, v -> {
      List<String> out = new ArrayList<>();
      for (String part : plainText(v).split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
      return List.copyOf(out);
    });
  }

  public static ValueParser<Path> path(String allowed) {
    return ValueParser.of(allowed, v -> {
      try {
        return Path.of(plainText(v));
      } catch (InvalidPathException e) {
        throw new InvalidValue("\"" + v + "\" is not a path (" + e.getReason() + ")");
      }
    });
  }

  /** Comma-separated paths (blank items skipped), at least one. */
  public static ValueParser<List<Path>> paths(String allowed) {
    ValueParser<Path> one = path(allowed);
    return ValueParser.of(allowed, v -> {
      List<Path> out = new ArrayList<>();
      for (String part : plainText(v).split(",")) {
        if (!part.isBlank()) {
          out.add(one.parse(part.trim()));
        }
      }
      if (out.isEmpty()) {
        throw new InvalidValue("\"" + v + "\" names no path");
      }
      return List.copyOf(out);
    });
  }

  /** One of {@code options}, any case; the value is the option as listed. */
  public static ValueParser<String> choice(List<String> options) {
    return choice(options, Map.of());
  }

  /** As {@link #choice(List)}, also accepting other spellings ({@code aliases}: spelling → option). */
  public static ValueParser<String> choice(List<String> options, Map<String, String> aliases) {
    String allowed = String.join(", ", options);
    return ValueParser.of(allowed, v -> {
      for (String option : options) {
        if (option.equalsIgnoreCase(v)) {
          return option;
        }
      }
      String alias = aliases.get(v.toLowerCase(Locale.ROOT));
      if (alias != null) {
        return alias;
      }
      throw new InvalidValue("\"" + v + "\" is not one of " + allowed);
    });
  }

  public static ValueParser<Boolean> bool() {
    return ValueParser.of("true, false", v -> {
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(v);
      }
      throw new InvalidValue("\"" + v + "\" is not true or false");
    });
  }

  /** A duration ({@link DurationText}) of at least {@code min}; zero only when {@code min} is zero. */
  public static ValueParser<Duration> duration(Duration min, String allowed) {
    return ValueParser.of(allowed, v -> {
      Duration d = DurationText.parse(v);
      if (d.isZero() && !min.isZero()) {
        throw new InvalidValue("\"" + v + "\" must be longer than zero (e.g. 30s)");
      }
      if (d.compareTo(min) < 0) {
        throw new InvalidValue("\"" + v + "\" is shorter than " + DurationText.format(min));
      }
      return d;
    });
  }

  /** {@code host:port}, port 0..65535 (0: any free port); the text as given. */
  public static ValueParser<String> hostPort(String allowed) {
    return ValueParser.of(allowed, v -> {
      int colon = plainText(v).lastIndexOf(':');
      String host = colon < 0 ? "" : v.substring(0, colon);
      String port = colon < 0 ? "" : v.substring(colon + 1);
      if (host.isBlank() || host.contains(" ") || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
        throw new InvalidValue("\"" + v + "\" is not host:port (e.g. injector-0.barrier:7070)");
      }
      return v;
    });
  }

  /** A JVM memory size as {@code -Xmx} takes it. */
  public static ValueParser<String> jvmSize() {
    return ValueParser.of("JVM size (512m, 4g)", v -> {
      if (!v.matches("\\d+[kKmMgG]?")) {
        throw new InvalidValue("\"" + v + "\" is not a JVM size (e.g. 512m, 4g)");
      }
      return v;
    });
  }

  /** {@code v} unless it holds a control character; a complaint never echoes it. */
  static String plainText(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidValue(String.format(Locale.ROOT, "contains a control character (U+%04X)", (int) c));
      }
    }
    return v;
  }
}
