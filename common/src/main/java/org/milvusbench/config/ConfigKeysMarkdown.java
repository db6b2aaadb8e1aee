package org.milvusbench.config;

/**
 * The key table as README's "Configuration" section shows it. A test compares this with the README,
 * so the documentation cannot drift from what is parsed; print it to regenerate that table:
 * {@code java -cp common/target/classes org.milvusbench.config.ConfigKeysMarkdown}.
 */
public final class ConfigKeysMarkdown {
  private ConfigKeysMarkdown() {}

  /** One row per key of {@link ConfigKeys#ALL}, in its order. */
  public static String table() {
    StringBuilder sb = new StringBuilder("| key | default | allowed | what |\n| --- | --- | --- | --- |\n");
    for (ConfigKey<?> k : ConfigKeys.ALL) {
      sb.append("| `").append(k.name()).append("` | ")
          .append(k.defaultText() == null ? "—" : "`" + k.defaultText() + "`").append(" | ")
          .append(cell(k.allowed())).append(" | ")
          .append(cell(k.doc())).append(" |\n");
    }
    return sb.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  public static void main(String[] args) {
    System.out.print(table());
  }
}
