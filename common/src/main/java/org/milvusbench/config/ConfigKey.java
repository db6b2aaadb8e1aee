package org.milvusbench.config;

/**
 * One key of the configuration table: its name (the {@code -D} name, the sweep file's path), its
 * default as a user would type it, how its text is parsed, what is allowed, and what it does. The
 * default is parsed by the same parser as any value, so what the README shows is what applies.
 *
 * @param name key name, e.g. {@code sweep.levels}
 * @param defaultText the default as text; null when there is none (the value is then null)
 * @param parser turns text into the value or says what is wrong
 * @param allowed what is allowed, for the README and help texts
 * @param doc one line on what it does (Markdown)
 * @param <T> the value's type
 */
public record ConfigKey<T>(String name, String defaultText, ValueParser<T> parser, String allowed, String doc) {

  public ConfigKey {
    if (defaultText != null) {
      try {
        parser.parse(defaultText);
      } catch (InvalidValue e) {
        throw new IllegalArgumentException(name + ": the default " + e.getMessage(), e);
      }
    }
  }

  /** A key whose "allowed" text is its parser's. */
  public static <T> ConfigKey<T> of(String name, String defaultText, ValueParser<T> parser, String doc) {
    return new ConfigKey<>(name, defaultText, parser, parser.allowed(), doc);
  }

  /** The parsed default; null when the key has none. */
  public T defaultValue() {
    return defaultText == null ? null : parser.parse(defaultText);
  }

  @Override
  public String toString() {
    return name;
  }
}
