package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.response.QueryResp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both vector fields, their indexes (one HNSW graph, one FLAT) and the load state survive a restart. */
class MultiVectorRestartTest {
  private static final String NAME = MultiVectorTest.NAME;

  @TempDir
  Path dataDir;

  @Test
  void bothVectorFieldsSurviveARestart() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      MultiVectorTest.createCollection(client, NAME);
      client.insert(InsertReq.builder().collectionName(NAME).data(MultiVectorTest.rows()).build());
      MultiVectorTest.indexAndLoad(client, NAME);
      client.flush(FlushReq.builder().collectionNames(List.of(NAME)).build());
      client.close();
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      assertTrue(client.getLoadState(GetLoadStateReq.builder().collectionName(NAME).build()), "loaded after restart");
      for (String field : List.of(MultiVectorTest.TEXT, MultiVectorTest.IMAGE)) {
        List<DescribeIndexResp.IndexDesc> indexes = client.describeIndex(DescribeIndexReq.builder().collectionName(NAME)
            .fieldName(field).build()).getIndexDescriptions();
        assertEquals(List.of(field), indexes.stream().map(DescribeIndexResp.IndexDesc::getFieldName).toList());
      }
      List<QueryResp.QueryResult> rows = client.query(QueryReq.builder().collectionName(NAME).filter("id >= 0")
          .outputFields(List.of("*")).build()).getQueryResults();
      assertEquals(MultiVectorTest.ROWS, rows.size());
      for (int i = 0; i < rows.size(); i++) {
        MultiVectorTest.assertVectors(i, rows.get(i).getEntity());
      }
      float[] textQuery = TestData.normal(1, 8, 300)[0];
      float[] imageQuery = TestData.normal(1, 4, 301)[0];
      assertEquals(MultiVectorTest.bruteForce(MultiVectorTest.TEXTS, textQuery, true, 10),
          MultiVectorTest.ids(MultiVectorTest.search(client, NAME, MultiVectorTest.TEXT, textQuery, 10)));
      assertEquals(MultiVectorTest.bruteForce(MultiVectorTest.IMAGES, imageQuery, false, 10),
          MultiVectorTest.ids(MultiVectorTest.search(client, NAME, MultiVectorTest.IMAGE, imageQuery, 10)));
      client.close();
    }
  }
}
