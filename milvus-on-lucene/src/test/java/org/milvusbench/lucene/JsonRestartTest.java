package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.QueryReq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dynamic keys survive a restart: returned and filterable as before, the collection still dynamic. */
class JsonRestartTest {
  private static final int DIM = 4;
  private static final String NAME = "kept_json";

  @TempDir
  Path dataDir;

  private static List<Map<String, Object>> query(MilvusClientV2 client, String filter) {
    List<Map<String, Object>> rows = new ArrayList<>();
    client.query(QueryReq.builder().collectionName(NAME).filter(filter).outputFields(List.of("color")).build())
        .getQueryResults().forEach(r -> rows.add(r.getEntity()));
    return rows;
  }

  @Test
  void dynamicKeysSurviveARestart() throws Exception {
    float[][] data = TestData.normal(2, DIM, 1);
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      TargetFixture.createKeyedCollection(client, NAME, DIM, true);
      List<JsonObject> rows = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        JsonObject row = JsonParser.parseString("{\"color\":\"" + (i == 0 ? "red" : "blue") + "\"}").getAsJsonObject();
        row.addProperty("id", i);
        row.addProperty("category", "c");
        row.add(TargetFixture.VECTOR, new Gson().toJsonTree(data[i]));
        rows.add(row);
      }
      TargetFixture.insertIndexAndLoad(client, NAME, rows);
      client.flush(FlushReq.builder().collectionNames(List.of(NAME)).build());
      client.close();
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      assertEquals(List.of(Map.of("id", 1L, "color", "blue")), query(client, "color == \"blue\""));
      JsonObject row = JsonParser.parseString("{\"id\":2,\"category\":\"c\",\"color\":\"red\"}").getAsJsonObject();
      row.add(TargetFixture.VECTOR, new Gson().toJsonTree(data[0]));
      client.insert(io.milvus.v2.service.vector.request.InsertReq.builder().collectionName(NAME).data(List.of(row))
          .build());
      assertEquals(List.of(Map.of("id", 0L, "color", "red"), Map.of("id", 2L, "color", "red")),
          query(client, "color == \"red\""));
      client.close();
    }
  }
}
