package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.InsertResp;
import io.milvus.v2.service.vector.response.QueryResp;
import io.milvus.v2.service.vector.response.SearchResp;
import io.milvus.v2.service.vector.response.UpsertResp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upsert through the unchanged MilvusClientV2: replaced rows come back with their new vector and
 * scalars, the count grows only by the keys that were new, auto_id collections get fresh keys for the
 * replaced rows, and the refusals use Milvus's wording.
 */
class UpsertTest {
  private static final int DIM = 8;

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
  }

  private static void keyedAndLoaded(String name) {
    TargetFixture.createKeyedCollection(client, name, DIM);
    TargetFixture.createReferenceIndex(client, name);
    client.loadCollection(LoadCollectionReq.builder().collectionName(name).build());
  }

  private static long count(String name) {
    QueryResp r = client.query(QueryReq.builder().collectionName(name).filter("").outputFields(List.of("count(*)")).build());
    return (Long) r.getQueryResults().get(0).getEntity().get("count(*)");
  }

  @Test
  void replacedRowsReturnTheirNewValuesAndOnlyNewKeysAddToTheCount() {
    String name = "upsert_keyed";
    keyedAndLoaded(name);
    float[][] before = TestData.normal(10, DIM, 1);
    client.insert(InsertReq.builder().collectionName(name).data(TestData.keyedRows(before, 0, 10, 0, "old")).build());
    assertEquals(10, count(name));

    // Keys 5..14: 5..9 exist (replaced), 10..14 are new.
    float[][] after = TestData.normal(10, DIM, 2);
    UpsertResp resp = client.upsert(UpsertReq.builder().collectionName(name)
        .data(TestData.keyedRows(after, 0, 10, 5, "new")).build());
    assertEquals(10, resp.getUpsertCnt());
    assertEquals(LongStream.range(5, 15).boxed().collect(Collectors.toList()), resp.getPrimaryKeys());
    assertEquals(15, count(name), "5 keys replaced, 5 added");

    QueryResp rows = client.query(QueryReq.builder().collectionName(name).ids(new ArrayList<>(List.of(5L, 9L, 12L, 4L)))
        .outputFields(List.of("category", TargetFixture.VECTOR)).build());
    Map<Long, Map<String, Object>> byId = rows.getQueryResults().stream()
        .collect(Collectors.toMap(r -> (Long) r.getEntity().get("id"), QueryResp.QueryResult::getEntity));
    assertEquals(4, byId.size(), "each key once: the replaced rows are gone");
    assertEquals("new", byId.get(5L).get("category"));
    assertEquals(TestData.boxed(after[0]), byId.get(5L).get(TargetFixture.VECTOR), "key 5 has its new vector");
    assertEquals(TestData.boxed(after[4]), byId.get(9L).get(TargetFixture.VECTOR));
    assertEquals("new", byId.get(12L).get("category"));
    assertEquals("old", byId.get(4L).get("category"));
    assertEquals(TestData.boxed(before[4]), byId.get(4L).get(TargetFixture.VECTOR), "key 4 was not upserted");

    SearchResp hit = client.search(SearchReq.builder().collectionName(name).data(List.of(new FloatVec(after[2])))
        .limit(1).searchParams(Map.of("ef", 64)).outputFields(List.of("category")).build());
    assertEquals(7L, hit.getSearchResults().get(0).get(0).getId(), "key 7's new vector finds key 7");
    assertEquals(0f, hit.getSearchResults().get(0).get(0).getScore(), 1e-6f);
    SearchResp oldVector = client.search(SearchReq.builder().collectionName(name).data(List.of(new FloatVec(before[7])))
        .limit(15).build());
    assertTrue(oldVector.getSearchResults().get(0).stream().allMatch(h -> h.getScore() > 1e-6f),
        "key 7's old vector is gone");
  }

  @Test
  void upsertingTheSameRowsAgainLeavesTheCountUnchanged() {
    String name = "upsert_twice";
    keyedAndLoaded(name);
    float[][] data = TestData.normal(20, DIM, 3);
    for (int round = 0; round < 3; round++) {
      client.upsert(UpsertReq.builder().collectionName(name).data(TestData.keyedRows(data, 0, 20, 100, "r" + round)).build());
      assertEquals(20, count(name), "round " + round);
    }
    QueryResp r = client.query(QueryReq.builder().collectionName(name).filter("category == \"r2\"")
        .outputFields(List.of("count(*)")).build());
    assertEquals(20L, r.getQueryResults().get(0).getEntity().get("count(*)"));
  }

  @Test
  void autoIdCollectionsGiveReplacedRowsNewKeys() {
    String name = "upsert_auto";
    TargetFixture.createReferenceCollection(client, name, DIM);
    TargetFixture.createReferenceIndex(client, name);
    client.loadCollection(LoadCollectionReq.builder().collectionName(name).build());
    float[][] data = TestData.normal(4, DIM, 4);
    InsertResp inserted = client.insert(InsertReq.builder().collectionName(name).data(TestData.rows(data, 0, 4)).build());
    long replaced = (Long) inserted.getPrimaryKeys().get(1);
    List<JsonObject> row = TestData.rows(data, 1, 2);
    row.get(0).addProperty("id", replaced);
    row.get(0).addProperty("category", "Z");
    UpsertResp resp = client.upsert(UpsertReq.builder().collectionName(name).data(row).build());
    long fresh = (Long) resp.getPrimaryKeys().get(0);
    assertNotEquals(replaced, fresh, "Milvus: under auto_id an upserted row gets a new key");
    assertEquals(4, count(name));
    assertEquals(0, client.query(QueryReq.builder().collectionName(name).ids(new ArrayList<>(List.of(replaced)))
        .build()).getQueryResults().size(), "the old key is gone");
    assertEquals("Z", client.query(QueryReq.builder().collectionName(name).ids(new ArrayList<>(List.of(fresh)))
        .outputFields(List.of("category")).build()).getQueryResults().get(0).getEntity().get("category"));
  }

  @Test
  void refusalsUseMilvusWording() {
    String name = "upsert_refused";
    keyedAndLoaded(name);
    float[][] data = TestData.normal(2, DIM, 5);
    List<JsonObject> twice = TestData.keyedRows(data, 0, 2, 0, "x");
    twice.get(1).addProperty("id", 0L);
    assertMilvus(1100, "duplicate primary keys are not allowed in the same batch: invalid parameter",
        () -> client.upsert(UpsertReq.builder().collectionName(name).data(twice).build()));

    String auto = "upsert_auto_nokey";
    TargetFixture.createReferenceCollection(client, auto, DIM);
    assertMilvus(1100, "must assign pk when upsert, primary field: id: invalid parameter",
        () -> client.upsert(UpsertReq.builder().collectionName(auto).data(TestData.rows(data, 0, 2)).build()));
    assertMilvus(100, "collection not found[collection=nope]",
        () -> client.upsert(UpsertReq.builder().collectionName("nope").data(TestData.keyedRows(data, 0, 1, 0, "x")).build()));
    assertEquals(0, count(name), "nothing was written by the refused upserts");
  }

  private static void assertMilvus(int code, String reason, org.junit.jupiter.api.function.Executable call) {
    MilvusClientException e = assertThrows(MilvusClientException.class, call);
    assertEquals(code, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
