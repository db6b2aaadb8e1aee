package org.milvusbench.sweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code -Dsweep.config}: a sweep described in HOCON, the format of {@code gatling.conf}, with
 * Gatling's own Typesafe Config. Keys are the {@code -D} names ({@code sweep.levels = [1, 5, 10]} or
 * {@code sweep { levels = "1,5,10" }}); each value becomes the text a {@code -D} would carry, so the
 * key table parses it the same way. Substitutions such as {@code ${?MILVUS_TOKEN}} are resolved.
 */
final class SweepFile {

  /** Values as text by key (sorted), and what kept the file (or a key of it) from being read. */
  record Contents(Map<String, String> values, List<String> problems) {}

  private SweepFile() {}

  static Contents read(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return new Contents(Map.of(), List.of("sweep.config: \"" + file + "\" is not a readable file"));
    }
    Config config;
    try {
      config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
    } catch (ConfigException e) {
      // Typesafe's message starts with the file and line: "sweep.conf: 3: ...".
      return new Contents(Map.of(), List.of("sweep.config: " + e.getMessage()));
    }
    Map<String, String> values = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : entries(config).entrySet()) {
      String text = text(e.getValue());
      if (text == null) {
        problems.add(file + ": " + e.getKey() + ": a list may hold only numbers, strings and booleans");
      } else {
        values.put(e.getKey(), text);
      }
    }
    return new Contents(values, problems);
  }

  private static Map<String, ConfigValue> entries(Config config) {
    Map<String, ConfigValue> out = new TreeMap<>();
    config.entrySet().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** A scalar as typed; a list as its items joined by commas (the {@code -D} list form); null if neither. */
  private static String text(ConfigValue value) {
    if (!(value instanceof ConfigList list)) {
      return scalar(value);
    }
    List<String> items = new ArrayList<>();
    for (ConfigValue item : list) {
      String t = scalar(item);
      if (t == null) {
        return null;
      }
      items.add(t);
    }
    return String.join(",", items);
  }

  private static String scalar(ConfigValue value) {
    return switch (value.valueType()) {
      case STRING -> (String) value.unwrapped();
      case NUMBER, BOOLEAN -> value.render(ConfigRenderOptions.concise());
      default -> null; // a list or an object inside a list
    };
  }
}
