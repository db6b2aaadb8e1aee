package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Node SDK ({@code @zilliz/milvus2-sdk-node}) runs its ordinary flow against the target:
 * {@code src/test/node/check.js}. Skipped unless {@code node} and the package are installed:
 * {@code npm install --prefix milvus-on-lucene/src/test/node} (versions pinned in its package.json).
 */
class NodeSdkTest {
  private static final Path NODE_DIR = Path.of("src", "test", "node");

  @TempDir
  Path dataDir;

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void nodeSdkFlowSucceeds() throws Exception {
    runScript("check.js", "NODE_SDK_OK");
  }

  /** Partitions (create, insert into, search in one) and an alias: {@code src/test/node/partitions.js}. */
  @Test
  void nodeSdkPartitionsAndAliasSucceed() throws Exception {
    runScript("partitions.js", "NODE_PARTITIONS_OK");
  }

  /** queryIterator and searchIterator (search_iter_v2): {@code src/test/node/iterators.js}. */
  @Test
  void nodeSdkIteratorsReturnEveryRowAndTheExactNearest() throws Exception {
    runScript("iterators.js", "NODE_ITERATORS_OK");
  }

  /** ARRAY fields (create, insert, query and search with array filters, values read back): {@code src/test/node/arrays.js}. */
  @Test
  void nodeSdkArraysSucceed() throws Exception {
    runScript("arrays.js", "NODE_ARRAYS_OK");
  }

  /** Two vector fields, indexes requested without waiting, search by anns_field, hybridSearch: {@code src/test/node/multivector.js}. */
  @Test
  void nodeSdkMultiVectorAndHybridSearchSucceed() throws Exception {
    runScript("multivector.js", "NODE_MULTIVECTOR_OK");
  }

  private void runScript(String script, String okLine) throws Exception {
    assumeTrue(nodeAvailable(), "node is not installed");
    assumeTrue(Files.isDirectory(NODE_DIR.resolve("node_modules/@zilliz/milvus2-sdk-node")),
        "Node SDK not installed: npm install --prefix milvus-on-lucene/src/test/node");
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      Process p = new ProcessBuilder("node", script, Integer.toString(server.port()))
          .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node " + script + " finished");
      assertEquals(0, p.exitValue(), output);
      assertTrue(output.contains(okLine), output);
    }
  }
}
