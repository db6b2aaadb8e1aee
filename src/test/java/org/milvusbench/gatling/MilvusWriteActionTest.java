package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milvusbench.gatling.MilvusDsl.datasetRows;
import static org.milvusbench.gatling.MilvusDsl.insert;
import static org.milvusbench.gatling.MilvusDsl.query;
import static org.milvusbench.gatling.MilvusDsl.upsert;

import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.response.QueryResp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.source.RandomNormalSource;
import org.milvusbench.dataprep.source.Sources;
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.gatling.core.DatasetRows;

/** Insert and upsert against the embedded target over gRPC: exact row counts, the rows themselves, KOs. */
class MilvusWriteActionTest {
  @RegisterExtension
  static final EmbeddedMilvus milvus = new EmbeddedMilvus();

  @Test
  void threeBatchesOfTheDefaultDatasetThenCountAllSays300AndTheRowsAreDataPrepRows() throws Exception {
    milvus.createCollection("dataset", DatasetRows.DEFAULT_DIMENSION, true);
    MilvusWriteActionBuilder load = insert("load").collection("dataset").rows(datasetRows());
    for (int batch = 0; batch < 3; batch++) {
      OperationRun.Outcome outcome = milvus.run(load);
      assertEquals("OK", outcome.stats.status());
      assertEquals("load", outcome.stats.requestName());
      assertTrue(outcome.ok);
      assertEquals(MilvusWriteActionBuilder.DEFAULT_BATCH_SIZE, outcome.rows);
      outcome.assertGatlingGotTheObservedLatency();
    }
    OperationRun.Outcome count = milvus.run(
        query("count").collection("dataset").countAll().consistencyLevel(ConsistencyLevel.STRONG));
    assertEquals("OK", count.stats.status());
    assertEquals(300, count.rows);

    // Auto ids follow insertion order, and the batches went one after the other: row i is data-prep's row i.
    QueryResp stored = milvus.client.query(QueryReq.builder().collectionName("dataset").filter("id >= 0").limit(300)
        .outputFields(List.of("embedding", "category"))
        .consistencyLevel(io.milvus.v2.common.ConsistencyLevel.STRONG).build());
    RandomNormalSource dataPrep = new RandomNormalSource(DatasetRows.DEFAULT_DIMENSION, DatasetRows.DEFAULT_SEED);
    float[][] expected = new float[300][DatasetRows.DEFAULT_DIMENSION];
    dataPrep.read(0, 300, expected);
    List<QueryResp.QueryResult> rows = stored.getQueryResults();
    assertEquals(300, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i).getEntity();
      assertEquals(Sources.category(DatasetRows.DEFAULT_SEED, i, DataPrepConfig.DEFAULT_CATEGORIES),
          row.get("category"));
      assertArrayEquals(expected[i], floats((List<?>) row.get("embedding")), "row " + i);
    }
  }

  @Test
  void savedIdsAreTheKeysMilvusAssignedAndDeleteThoseRows() throws Exception {
    milvus.createCollection("saved", 4, true);
    OperationRun.Outcome written = milvus.run(insert("write").collection("saved").rows(datasetRows(4, 3)).batchSize(5)
        .saveIdsAs("keys"));
    assertEquals("OK", written.stats.status());
    long[] keys = new io.gatling.javaapi.core.Session(written.session).get("keys");
    assertEquals(5, keys.length);
    for (long key : keys) {
      assertEquals(1, milvus.count("saved", "id == " + key), "key " + key + " is a stored row's");
    }
    OperationRun.Outcome deleted = milvus.run(MilvusDsl.delete("undo").collection("saved").ids(session -> keys));
    assertEquals(5, deleted.rows);
    assertEquals(0, milvus.count("saved", ""));
  }

  @Test
  void aFailedWriteSavesNoIds() throws Exception {
    OperationRun.Outcome outcome = milvus.run(insert("lost").collection("nope").rows(datasetRows(4, 1)).batchSize(3)
        .saveIdsAs("keys"));
    outcome.assertKo("100");
    assertTrue(!new io.gatling.javaapi.core.Session(outcome.session).contains("keys"));
  }

  @Test
  void rowsFromAFunctionAreInsertedAsGiven() throws Exception {
    milvus.createCollection("given", 4, false);
    MilvusWriteActionBuilder given = insert("given").collection("given").rows(session -> List.of(
        row(7L, new float[] {1, 0, 0, 0}, "A"), row(8L, new float[] {0, 1, 0, 0}, "B")));
    OperationRun.Outcome outcome = milvus.run(given);
    assertEquals("OK", outcome.stats.status());
    assertEquals(2, outcome.rows);
    assertEquals(1, milvus.count("given", "id == 8 and category == \"B\""));
    assertEquals(2, milvus.count("given", ""));
  }

  @Test
  void anUnknownCollectionIsKoWithMilvusReason() throws Exception {
    OperationRun.Outcome outcome = milvus.run(insert("lost").collection("nope").rows(datasetRows(4, 1)).batchSize(3));
    outcome.assertKo("100");
    assertEquals("collection not found[collection=nope]", outcome.stats.message());
  }

  @Test
  void upsertReplacesRowsByPrimaryKey() throws Exception {
    milvus.createCollection("upserted", 4, false);
    OperationRun.Outcome first = milvus.run(
        upsert("upsert").collection("upserted").rows(datasetRows(4, 1).withIds()).batchSize(5));
    assertEquals("OK", first.stats.status());
    assertEquals(5, first.rows);
    first.assertGatlingGotTheObservedLatency();
    // The same ids 0..4 again, with another seed's rows: replaced, not added.
    OperationRun.Outcome again = milvus.run(
        upsert("upsert").collection("upserted").rows(datasetRows(4, 2).withIds()).batchSize(5));
    assertEquals("OK", again.stats.status());
    assertEquals(5, milvus.count("upserted", ""));
    for (long id = 0; id < 5; id++) {
      String category = Sources.category(2, id, DataPrepConfig.DEFAULT_CATEGORIES);
      assertEquals(1, milvus.count("upserted", "id == " + id + " and category == \"" + category + "\""), "row " + id);
    }
  }

  @Test
  void rowsThatCannotBeEncodedAreACrashNamingRowAndField() throws Exception {
    OperationRun.Outcome outcome = milvus.run(insert("bad").collection("given").rows(session -> List.of(
        row(1L, new float[] {1, 0, 0, 0}, "A"), row(2L, new float[] {0, 1, 0}, "B"))));
    assertEquals("CRASH", outcome.stats.status());
    assertEquals("rows: row 1, field \"embedding\": a vector of 3 components, row 0 has 4", outcome.stats.message());
    assertTrue(outcome.session.isFailed());
    assertEquals(0, outcome.observations, "nothing was sent, so nothing is observed");
  }

  private static Map<String, Object> row(long id, float[] embedding, String category) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("embedding", embedding);
    row.put("category", category);
    return row;
  }

  private static float[] floats(List<?> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).floatValue();
    }
    return out;
  }
}
