package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's DSL examples are the sources of test-compiled simulations (example.MySearchSimulation,
 * then example.MyInsertQuerySimulation): if the API changes, an example stops compiling; if the
 * README drifts, this fails.
 */
class ReadmeExampleTest {
  private static final String SECTION = "## Using the Milvus DSL in your own simulation";

  private static final List<String> EXAMPLES = List.of("MySearchSimulation", "MyInsertQuerySimulation");

  @Test
  void theReadmeExamplesAreTheCompiledSimulationsInOrder() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf(SECTION);
    assertTrue(section >= 0, "README.md has no section \"" + SECTION + "\"");
    int end = readme.indexOf("\n## ", section + SECTION.length());
    int from = section;
    for (String example : EXAMPLES) {
      int start = readme.indexOf("```java\n", from);
      assertTrue(start >= 0 && start < end, "the section has no code block for " + example);
      start += "```java\n".length();
      from = readme.indexOf("```", start);
      String source = Files.readString(Path.of("src/test/java/org/milvusbench/gatling/example/" + example + ".java"));
      assertEquals(source.substring(source.indexOf("import ")), readme.substring(start, from), example);
    }
  }
}
