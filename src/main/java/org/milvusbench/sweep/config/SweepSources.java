package org.milvusbench.sweep.config;

import static org.milvusbench.config.ConfigKeys.SWEEP_CONFIG;
import static org.milvusbench.config.ConfigKeys.SWEEP_DEBUG;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milvusbench.config.ConfigKeys;
import org.milvusbench.config.ConfigReader;

/**
 * Where a sweep's settings come from: {@code -D} properties over an optional {@code -Dsweep.config}
 * file. A message about a value from the file names the file and the key; about a {@code -D}, the key.
 */
final class SweepSources {
  /** Keys a sweep file may not set, and why. */
  private static final Map<String, String> DASH_D_ONLY = Map.of(
      SWEEP_CONFIG.name(), "one file per sweep",
      SWEEP_DEBUG.name(), "it covers errors in the file too");

  private SweepSources() {}

  /** A reader of the merged values, already holding the unknown-key and unreadable-file problems. */
  static ConfigReader reader(Map<String, String> properties) {
    Map<String, String> given = unescaped(properties);
    List<String> problems = new ArrayList<>();
    given.keySet().stream().filter(ConfigKeys::hasOurPrefix).filter(key -> ConfigKeys.byName(key).isEmpty())
        .sorted().forEach(key -> problems.add(key + ": " + ConfigKeys.unknownKey()));
    // A bad path is reported once, by the caller's reading of every key.
    Path file = new ConfigReader(given).get(SWEEP_CONFIG);
    Map<String, String> fromFile = file == null ? Map.of() : fileValues(file, problems);
    Map<String, String> merged = new HashMap<>(fromFile);
    merged.putAll(given);
    ConfigReader reader = new ConfigReader(merged,
        key -> fromFile.containsKey(key) && !given.containsKey(key) ? file + ": " + key : key);
    problems.forEach(reader::problem);
    return reader;
  }

  /** The file's values of table keys; its problems and unknown keys go to {@code problems}. */
  private static Map<String, String> fileValues(Path file, List<String> problems) {
    SweepFile.Contents contents = SweepFile.read(file);
    problems.addAll(contents.problems());
    Map<String, String> values = new HashMap<>();
    contents.values().forEach((key, text) -> {
      if (DASH_D_ONLY.containsKey(key)) {
        problems.add(file + ": " + key + ": only as -D" + key + " (" + DASH_D_ONLY.get(key) + ")");
      } else if (ConfigKeys.byName(key).isEmpty()) {
        // Every key of a sweep file is ours: no prefix is needed to call it a typo.
        problems.add(file + ": " + key + ": " + ConfigKeys.unknownKey());
      } else {
        values.put(key, text);
      }
    });
    return values;
  }

  /**
   * gatling-maven-plugin forwards -D values to its forked JVM with double quotes escaped
   * (-Dsearch.filter='category == "B"' arrives as category == \"B\"): undo that.
   */
  private static Map<String, String> unescaped(Map<String, String> properties) {
    Map<String, String> out = new LinkedHashMap<>();
    properties.forEach((k, v) -> out.put(k, v == null ? null : v.replace("\\\"", "\"")));
    return out;
  }
}
