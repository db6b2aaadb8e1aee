package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README's DSL example is the source of a test-compiled simulation (example.MySearchSimulation):
 * if the API changes, the example stops compiling; if the README drifts, this fails.
 */
class ReadmeExampleTest {
  private static final String SECTION = "## Using the Milvus DSL in your own simulation";

  @Test
  void theReadmeExampleIsTheCompiledSimulation() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf(SECTION);
    assertTrue(section >= 0, "README.md has no section \"" + SECTION + "\"");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    String example = readme.substring(start, readme.indexOf("```", start));
    String source = Files.readString(Path.of("src/test/java/org/milvusbench/gatling/example/MySearchSimulation.java"));
    assertEquals(source.substring(source.indexOf("import ")), example);
  }
}
