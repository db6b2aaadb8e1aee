package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.response.QueryResp;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ARRAY values survive a restart: returned with their element types and filterable as before. */
class ArrayRestartTest {
  private static final String NAME = "kept_arrays";

  @TempDir
  Path dataDir;

  @Test
  void arraysSurviveARestart() throws Exception {
    float[][] data = TestData.normal(ArrayFieldTest.TAGS.size(), 4, 3);
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      ArrayFieldTest.createArrayCollection(client, NAME);
      TargetFixture.insertIndexAndLoad(client, NAME, ArrayFieldTest.rows(data));
      client.flush(FlushReq.builder().collectionNames(List.of(NAME)).build());
      client.close();
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      List<QueryResp.QueryResult> rows = client.query(QueryReq.builder().collectionName(NAME).filter("id >= 0")
          .outputFields(List.of("*")).build()).getQueryResults();
      assertEquals(ArrayFieldTest.TAGS.size(), rows.size());
      for (int i = 0; i < rows.size(); i++) {
        ArrayFieldTest.assertRow(i, rows.get(i).getEntity());
      }
      assertEquals(Set.of(0L, 3L, 4L), TargetFixture.ids(client, NAME, "array_contains(tags, \"red\")"));
      assertEquals(Set.of(0L, 3L), TargetFixture.ids(client, NAME, "array_length(nums) > 2"));
      assertEquals(Set.of(0L, 3L, 4L), TargetFixture.ids(client, NAME, "nums[1] > 1"));
      client.close();
    }
  }
}
