package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.collection.request.ReleaseCollectionReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Each failure the issue lists comes back as Milvus's status (code and reason) through the unchanged
 * client, and the very next request succeeds (the server stays up, nothing is retried).
 */
class ErrorStatusTest {
  private static final int DIM = 16;
  private static final String NAME = "errors";

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;
  static float[][] data = TestData.normal(200, DIM, 3);

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    TargetFixture.createReferenceCollection(client, NAME, DIM);
    TargetFixture.insertIndexAndLoad(client, NAME, TestData.rows(data, 0, data.length));
  }

  private static SearchReq.SearchReqBuilder search(String collection, float[] vector) {
    return SearchReq.builder().collectionName(collection).annsField(TargetFixture.VECTOR)
        .data(List.of(new FloatVec(vector))).limit(5).searchParams(Map.of("ef", 64));
  }

  /** The call fails with {@code code} and a reason containing {@code reason}, then a good search works. */
  private static void assertStatus(int code, String reason, Executable call) {
    MilvusClientException e = assertThrows(MilvusClientException.class, call);
    assertEquals(code, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    SearchResp ok = client.search(search(NAME, data[0]).build());
    assertEquals(5, ok.getSearchResults().get(0).size(), "the next request succeeds");
  }

  @Test
  void unknownCollection() {
    assertStatus(100, "collection not found[collection=nope]",
        () -> client.query(QueryReq.builder().collectionName("nope").filter("id > 0").build()));
  }

  @Test
  void collectionNotLoaded() {
    String other = "not_loaded";
    TargetFixture.createReferenceCollection(client, other, DIM);
    assertStatus(101, "collection not loaded[collection=not_loaded]",
        () -> client.search(search(other, data[0]).build()));
    client.loadCollection(LoadCollectionReq.builder().collectionName(other).build());
    client.releaseCollection(ReleaseCollectionReq.builder().collectionName(other).build());
    assertStatus(101, "collection not loaded", () -> client.search(search(other, data[0]).build()));
  }

  @Test
  void unknownOutputField() {
    assertStatus(1700, "field not found[field=colour]",
        () -> client.search(search(NAME, data[0]).outputFields(List.of("colour")).build()));
  }

  @Test
  void unknownFieldInFilter() {
    assertStatus(1100, "field colour not exist",
        () -> client.search(search(NAME, data[0]).filter("colour == \"B\"").build()));
  }

  @Test
  void wrongDimension() {
    assertStatus(1100, "vector dimension mismatch, expected vector size(byte) 64, actual 32",
        () -> client.search(search(NAME, new float[8]).build()));
  }

  @Test
  void malformedExpressionNamesThePosition() {
    assertStatus(1100, "cannot parse expression: category == \"B\" and, error: expected a field name but found '<end>' at position 19",
        () -> client.search(search(NAME, data[0]).filter("category == \"B\" and").build()));
    assertStatus(1100, "at position 9",
        () -> client.query(QueryReq.builder().collectionName(NAME).filter("category = \"B\"").build()));
  }

  @Test
  void topKAbove16384() {
    assertStatus(1100, "topk [16385] is invalid, it should be in range [1, 16384], but got 16385",
        () -> client.search(search(NAME, data[0]).limit(16385).build()));
  }

  @Test
  void metricMismatch() {
    assertStatus(1100, "metric type not match",
        () -> client.search(search(NAME, data[0]).metricType(io.milvus.v2.common.IndexParam.MetricType.IP).build()));
  }
}
