package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.milvusbench.gatling.MilvusDsl.delete;
import static org.milvusbench.gatling.MilvusDsl.insert;
import static org.milvusbench.gatling.MilvusDsl.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.FieldData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.source.Sources;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.gatling.core.RowSource;

/**
 * What the mixed workload's actions write — inserts saving the keys Milvus assigned, upserts of
 * those keys with new rows, deletes of some of them — is what the official Node SDK reads back from
 * the embedded target, row for row. Skipped without node and the SDK
 * ({@code npm ci --prefix milvus-on-lucene/src/test/node}, as CI does).
 */
class NodeSdkReadsMixedWritesTest {
  private static final Path NODE_DIR = Path.of("milvus-on-lucene", "src", "test", "node");
  private static final int DIM = 8;
  private static final long SEED = 3;

  @RegisterExtension
  static final EmbeddedMilvus milvus = new EmbeddedMilvus();

  @Test
  void theNodeSdkReadsBackEveryRowTheActionsLeft() throws Exception {
    assumeTrue(Files.isDirectory(NODE_DIR.resolve("node_modules/@zilliz/milvus2-sdk-node")),
        "Node SDK not installed: npm ci --prefix " + NODE_DIR);
    milvus.createCollection("mixed", DIM, true);
    DatasetRows rows = DatasetRows.of(DIM, SEED);
    Map<Long, Long> rowOfKey = new HashMap<>();
    long[] inserted = written(milvus.run(insert("insert").collection("mixed").rows(rows).batchSize(30).saveIdsAs("keys")));
    for (int i = 0; i < inserted.length; i++) {
      rowOfKey.put(inserted[i], (long) i);
    }
    long[] replaced = Arrays.copyOfRange(inserted, 0, 10);
    RowSource replacements = new RowSource() {
      @Override
      public List<FieldData> next(int count) {
        return rows.nextWithKeys(replaced); // rows 30..39 as the new content of the first ten keys
      }
    };
    long[] upserted = written(milvus.run(upsert("upsert").collection("mixed").rows(replacements).batchSize(10)
        .saveIdsAs("keys")));
    for (int i = 0; i < replaced.length; i++) {
      rowOfKey.remove(replaced[i]);
      rowOfKey.put(upserted[i], 30L + i);
    }
    long[] deleted = Arrays.copyOfRange(inserted, 10, 15);
    assertEquals(5, milvus.run(delete("delete").collection("mixed").ids(session -> deleted)).rows);
    Arrays.stream(deleted).forEach(rowOfKey::remove);

    Map<Long, JsonNode> read = readBack("mixed");
    assertEquals(rowOfKey.keySet(), read.keySet(), "the Node SDK sees exactly the rows left");
    rowOfKey.forEach((key, row) -> {
      JsonNode got = read.get(key);
      assertEquals(Sources.category(SEED, row, DataPrepConfig.DEFAULT_CATEGORIES), got.get("category").asText());
      float[] vector = new float[DIM];
      for (int i = 0; i < DIM; i++) {
        vector[i] = (float) got.get("embedding").get(i).asDouble();
      }
      assertArrayEquals(rows.vector(row), vector, 1e-6f, "key " + key + " holds dataset row " + row);
    });
  }

  private static long[] written(OperationRun.Outcome outcome) {
    assertEquals("OK", outcome.stats.status(), outcome.stats.message());
    return new io.gatling.javaapi.core.Session(outcome.session).get("keys");
  }

  private static Map<Long, JsonNode> readBack(String collection) throws Exception {
    Process p = new ProcessBuilder("node", "readback.js", Integer.toString(milvus.port()), collection)
        .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node finished");
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("READBACK_OK"), output);
    ObjectMapper json = new ObjectMapper();
    Map<Long, JsonNode> rows = new HashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("{")) {
        JsonNode row = json.readTree(line);
        rows.put(Long.parseLong(row.get("id").asText()), row);
      }
    }
    return rows;
  }
}
