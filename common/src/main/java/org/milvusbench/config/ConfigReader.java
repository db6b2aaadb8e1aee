package org.milvusbench.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads keys of the table from raw text values and collects every problem instead of stopping at
 * the first, so a user fixes all of them in one go. Each key is parsed once, by its own parser;
 * reading it again gives the same value without a second complaint. A bad value reads as the
 * key's default, so cross-key checks still see a value.
 */
public final class ConfigReader {
  private final Map<String, String> values;
  private final Function<String, String> names;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Object> parsed = new HashMap<>();

  /** Values by key name; messages name the key. */
  public ConfigReader(Map<String, String> values) {
    this(values, key -> key);
  }

  /**
   * @param values raw text by key name; absent or blank means "not set"
   * @param names how a message names a key: the key itself, {@code file: key}, a command-line flag
   */
  public ConfigReader(Map<String, String> values, Function<String, String> names) {
    this.values = Map.copyOf(withoutNulls(values));
    this.names = names;
  }

  private static Map<String, String> withoutNulls(Map<String, String> values) {
    Map<String, String> out = new HashMap<>();
    values.forEach((k, v) -> {
      if (k != null && v != null) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The key's value: parsed from its text, or its default when unset or bad (then a problem is recorded). */
  @SuppressWarnings("unchecked")
  public <T> T get(ConfigKey<T> key) {
    if (parsed.containsKey(key.name())) {
      return (T) parsed.get(key.name());
    }
    T value = key.defaultValue();
    String text = text(key.name(), null);
    if (text != null) {
      try {
        value = key.parser().parse(text);
      } catch (InvalidValue e) {
        e.complaints().forEach(complaint -> problem(key, complaint));
      }
    }
    parsed.put(key.name(), value);
    return value;
  }

  /** Parses every key of {@code keys} now, so their problems come in table order. */
  public void readAll(Collection<ConfigKey<?>> keys) {
    keys.forEach(this::get);
  }

  /** True when the key has a (non-blank) value. */
  public boolean isSet(ConfigKey<?> key) {
    return text(key.name(), null) != null;
  }

  /** The raw text of {@code key}, trimmed; {@code fallback} when unset or blank. */
  public String text(String key, String fallback) {
    String v = values.get(key);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  /** How messages name {@code key} ({@code sweep.levels}, {@code sweep.conf: sweep.levels}, {@code --redundancy}). */
  public String nameOf(String key) {
    return names.apply(key);
  }

  /** A problem of one key: {@code complaint} says what is wrong, without the key's name. */
  public void problem(ConfigKey<?> key, String complaint) {
    problem(nameOf(key.name()) + ": " + complaint);
  }

  /** A problem that is not one key's (a cross-key check, an unreadable file): the message names what is wrong. */
  public void problem(String message) {
    problems.add(message);
  }

  /** The problems so far, in the order found. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** @throws IllegalArgumentException listing every problem, one per line, when there is any */
  public void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid configuration:\n  " + String.join("\n  ", problems));
    }
  }
}
