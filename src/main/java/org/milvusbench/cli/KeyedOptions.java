package org.milvusbench.cli;

import java.util.HashMap;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.ResourceBundle;
import org.milvusbench.config.ConfigKey;
import org.milvusbench.config.ConfigKeys;
import org.milvusbench.config.ConfigReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options that set a configuration key: an option's {@code descriptionKey} names its
 * key ({@code --sla-p95-ms} ↔ {@code sla.p95Ms}), so its help text, default and parsing come from
 * the key table, and a bad value gets the message a {@code -D} would get, naming the flag instead.
 * The options themselves are plain strings: picocli converts nothing.
 */
final class KeyedOptions {
  private KeyedOptions() {}

  /** Help texts of every key (picocli reads an option's from its {@code descriptionKey}). */
  static ResourceBundle helpTexts() {
    Object[][] contents = ConfigKeys.ALL.stream()
        .map(key -> new Object[] {key.name(), helpText(key)})
        .toArray(Object[][]::new);
    return new ListResourceBundle() {
      @Override
      protected Object[][] getContents() {
        return contents;
      }
    };
  }

  /** {@code doc [allowed; default …; key]}, with {@code %} doubled and Markdown quotes dropped for picocli. */
  static String helpText(ConfigKey<?> key) {
    String text = key.doc() + " [" + key.allowed() + "; default " + (key.defaultText() == null ? "none" : key.defaultText())
        + "; key " + key.name() + "]";
    return text.replace("`", "").replace("%", "%%");
  }

  /** A reader of the keyed options given on this command line; its messages name the flags. */
  static ConfigReader reader(CommandSpec command) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> flags = new HashMap<>();
    for (OptionSpec option : command.options()) {
      String key = option.descriptionKey();
      if (key == null || ConfigKeys.byName(key).isEmpty()) {
        continue; // not keyed (--out, --help: picocli's own descriptionKey)
      }
      flags.put(key, option.longestName());
      Object value = option.getValue();
      if (value instanceof java.util.Collection<?> many) { // a repeatable option: one comma list
        if (!many.isEmpty()) {
          values.put(key, String.join(",", many.stream().map(Object::toString).toList()));
        }
      } else if (value != null) {
        values.put(key, value.toString());
      }
    }
    return new ConfigReader(values, key -> flags.getOrDefault(key, key));
  }
}
