package org.milvusbench.sweep.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milvusbench.config.ConfigKeys;
import org.milvusbench.config.ConfigReader;

/** Where a sweep's settings come from: {@code -D} properties. */
final class SweepSources {
  private SweepSources() {}

  /** A reader of the values, already holding the unknown-key problems. */
  static ConfigReader reader(Map<String, String> properties) {
    Map<String, String> given = unescaped(properties);
    List<String> problems = new ArrayList<>();
    given.keySet().stream().filter(ConfigKeys::hasOurPrefix).filter(key -> ConfigKeys.byName(key).isEmpty())
        .sorted().forEach(key -> problems.add(key + ": " + ConfigKeys.unknownKey()));
    ConfigReader reader = new ConfigReader(given);
    problems.forEach(reader::problem);
    return reader;
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
