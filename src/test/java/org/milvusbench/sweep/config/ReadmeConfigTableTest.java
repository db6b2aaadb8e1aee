package org.milvusbench.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.config.ConfigKeysMarkdown;

/** README's configuration section cannot drift from parsing: its table is the key table rendered, its example parses. */
class ReadmeConfigTableTest {
  private static final String SECTION = "## Configuration (`-D` keys)";

  private static List<String> section() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf(SECTION);
    assertTrue(start >= 0, "README has the section " + SECTION);
    int end = readme.indexOf("\n## ", start + SECTION.length());
    return readme.substring(start, end < 0 ? readme.length() : end).lines().toList();
  }

  @Test
  void readmeTableIsTheRenderedKeyTable() throws Exception {
    List<String> section = section();
    String tableInReadme = String.join("\n", section.stream().dropWhile(line -> !line.startsWith("| "))
        .takeWhile(line -> line.startsWith("| ")).toList()) + "\n";
    assertEquals(ConfigKeysMarkdown.table(), tableInReadme,
        "README's table differs from the key table; print it with "
            + "java -cp common/target/classes org.milvusbench.config.ConfigKeysMarkdown");
    assertEquals(1, section.stream().filter(line -> line.startsWith("| key |")).count(), "one table in the section");
  }

  @Test
  void readmeSweepFileExampleParsesAsItSays(@TempDir Path dir) throws Exception {
    List<String> example = section().stream().dropWhile(line -> !line.equals("# sweep.conf"))
        .takeWhile(line -> !line.equals("```")).toList();
    Path file = Files.writeString(dir.resolve("sweep.conf"), String.join("\n", example));
    SweepConfig cfg = SweepConfig.parse(Map.of("sweep.config", file.toString(), "sweep.levels", "1,10"));
    assertEquals(List.of(1, 10), cfg.levels());
    assertEquals(2000, cfg.requests());
    assertEquals("https://in01-xxx.zillizcloud.com:19530", cfg.uri());
    assertEquals("my_collection", cfg.collection());
    assertEquals(128, cfg.ef());
    assertEquals(100.0, cfg.slaP95Ms());
  }
}
