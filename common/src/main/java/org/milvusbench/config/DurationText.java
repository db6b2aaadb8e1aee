package org.milvusbench.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users type them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}; a bare number is seconds. */
public final class DurationText {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  private DurationText() {}

  /** @throws InvalidValue saying the text is not a duration (the caller names the key) */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new InvalidValue("\"" + text + "\" is not a duration (e.g. 30s, 500ms, 2m)");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> value;
      case "s" -> value * 1000;
      case "m" -> value * 60_000;
      default -> value * 3_600_000;
    };
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  public static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
