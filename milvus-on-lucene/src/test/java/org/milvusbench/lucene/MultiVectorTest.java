package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.index.request.CreateIndexReq;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collection with two FloatVector fields of different dimensions (Milvus 2.5 / 2.6 multi-vector):
 * insert validates each column, each field gets its own index, load needs both, a search names its
 * field and matches brute force, and output fields and queries return both vectors.
 */
class MultiVectorTest {
  static final String NAME = "products";
  static final String TEXT = "text_vec";
  static final String IMAGE = "image_vec";
  static final int ROWS = 200;
  static final float[][] TEXTS = TestData.normal(ROWS, 8, 11);
  static final float[][] IMAGES = TestData.normal(ROWS, 4, 12);

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    createCollection(client, NAME);
    client.insert(InsertReq.builder().collectionName(NAME).data(rows()).build());
    indexAndLoad(client, NAME);
  }

  /** id INT64, text_vec FLOAT_VECTOR(8), image_vec FLOAT_VECTOR(4), category VARCHAR. */
  static void createCollection(MilvusClientV2 client, String name) {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).build());
    schema.addField(AddFieldReq.builder().fieldName(TEXT).dataType(DataType.FloatVector).dimension(8).build());
    schema.addField(AddFieldReq.builder().fieldName(IMAGE).dataType(DataType.FloatVector).dimension(4).build());
    schema.addField(AddFieldReq.builder().fieldName("category").dataType(DataType.VarChar).maxLength(10).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema).build());
  }

  static List<JsonObject> rows() {
    List<JsonObject> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      JsonObject row = new JsonObject();
      row.addProperty("id", (long) i);
      row.add(TEXT, new com.google.gson.Gson().toJsonTree(TEXTS[i]));
      row.add(IMAGE, new com.google.gson.Gson().toJsonTree(IMAGES[i]));
      row.addProperty("category", "c" + i % 3);
      rows.add(row);
    }
    return rows;
  }

  /** HNSW COSINE on text_vec, HNSW L2 on image_vec (each build keeps the other field's graph), then load. */
  static void indexAndLoad(MilvusClientV2 client, String name) {
    client.createIndex(CreateIndexReq.builder().collectionName(name).indexParams(List.of(
        IndexParam.builder().fieldName(TEXT).indexType(IndexParam.IndexType.HNSW).metricType(IndexParam.MetricType.COSINE)
            .extraParams(Map.of("M", 16, "efConstruction", 64)).build(),
        IndexParam.builder().fieldName(IMAGE).indexType(IndexParam.IndexType.HNSW).metricType(IndexParam.MetricType.L2)
            .extraParams(Map.of("M", 8, "efConstruction", 32)).build())).build());
    client.loadCollection(LoadCollectionReq.builder().collectionName(name).build());
  }

  /**
   * A search of one field. The filter matches every row and ef is above the rows, so Lucene's HNSW
   * query scores the filter's rows exactly (its exact fallback): results are brute force's, by construction.
   */
  static SearchResp search(MilvusClientV2 client, String name, String field, float[] query, int limit) {
    return client.search(SearchReq.builder().collectionName(name).annsField(field).data(List.of(new FloatVec(query)))
        .limit(limit).filter("id >= 0").searchParams(Map.of("ef", 256)).outputFields(List.of(TEXT, IMAGE)).build());
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  static double l2(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s;
  }

  /** Brute force: the ids of the k best rows of {@code data} (COSINE descending, L2 ascending). */
  static List<Long> bruteForce(float[][] data, float[] q, boolean cosine, int k) {
    Comparator<Integer> order = cosine ? Comparator.comparingDouble(i -> -cosine(data[i], q))
        : Comparator.comparingDouble(i -> l2(data[i], q));
    return IntStream.range(0, data.length).boxed().sorted(order).limit(k).map(Integer::longValue).toList();
  }

  static List<Long> ids(SearchResp r) {
    return r.getSearchResults().get(0).stream().map(h -> (Long) h.getId()).toList();
  }

  @Test
  void loadNeedsEveryVectorFieldIndexed() {
    createCollection(client, "half");
    client.insert(InsertReq.builder().collectionName("half").data(rows()).build());
    client.createIndex(CreateIndexReq.builder().collectionName("half").indexParams(List.of(IndexParam.builder()
        .fieldName(TEXT).indexType(IndexParam.IndexType.HNSW).metricType(IndexParam.MetricType.COSINE)
        .extraParams(Map.of("M", 16, "efConstruction", 64)).build())).build());
    MilvusClientException e = assertThrows(MilvusClientException.class,
        () -> client.loadCollection(LoadCollectionReq.builder().collectionName("half").build()));
    assertEquals(65535, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains("there is no vector index on field: [image_vec], please create index firstly"),
        e.getMessage());
    indexAndLoad(client, "half"); // the text index again (identical: accepted), then image_vec's
    assertEquals(1, client.describeIndex(DescribeIndexReq.builder().collectionName("half").fieldName(IMAGE).build())
        .getIndexDescriptions().size());
    assertEquals(IMAGE, client.describeIndex(DescribeIndexReq.builder().collectionName("half").fieldName(IMAGE).build())
        .getIndexDescriptions().get(0).getFieldName());
  }

  /**
   * Both indexes requested without waiting (as the Node SDK does): the second field's build is queued
   * behind the first, load is accepted meanwhile and reports Loading until both graphs are built.
   */
  @Test
  void indexesRequestedTogetherAreBothBuilt() throws Exception {
    createCollection(client, "together");
    client.insert(InsertReq.builder().collectionName("together").data(rows()).build());
    client.createIndex(CreateIndexReq.builder().collectionName("together").sync(false).indexParams(List.of(
        IndexParam.builder().fieldName(TEXT).indexType(IndexParam.IndexType.HNSW).metricType(IndexParam.MetricType.IP)
            .build(),
        IndexParam.builder().fieldName(IMAGE).indexType(IndexParam.IndexType.HNSW).metricType(IndexParam.MetricType.L2)
            .build())).build());
    client.loadCollection(LoadCollectionReq.builder().collectionName("together").sync(false).build());
    for (String field : List.of(TEXT, IMAGE)) {
      Waits.until(() -> client.describeIndex(DescribeIndexReq.builder().collectionName("together").fieldName(field)
          .build()).getIndexDescriptions().get(0).getIndexState() == io.milvus.v2.common.IndexBuildState.Finished,
          field + " index built");
    }
    float[] imageQuery = TestData.normal(1, 4, 400)[0];
    assertEquals(bruteForce(IMAGES, imageQuery, false, 10), ids(search(client, "together", IMAGE, imageQuery, 10)));
    assertEquals(10, search(client, "together", TEXT, TEXTS[3], 10).getSearchResults().get(0).size());
  }

  @Test
  void searchesNameTheirFieldAndMatchBruteForce() {
    MilvusClientException none = assertThrows(MilvusClientException.class, () -> client.search(SearchReq.builder()
        .collectionName(NAME).data(List.of(new FloatVec(TEXTS[0]))).limit(3).build()));
    assertTrue(none.getMessage().contains("multiple anns_fields exist, please specify a anns_field in search_params"),
        none.getMessage());

    for (int q = 0; q < 5; q++) {
      float[] textQuery = TestData.normal(1, 8, 100 + q)[0];
      float[] imageQuery = TestData.normal(1, 4, 200 + q)[0];
      assertEquals(bruteForce(TEXTS, textQuery, true, 10), ids(search(client, NAME, TEXT, textQuery, 10)));
      assertEquals(bruteForce(IMAGES, imageQuery, false, 10), ids(search(client, NAME, IMAGE, imageQuery, 10)));
    }
    SearchResp.SearchResult hit = search(client, NAME, IMAGE, IMAGES[7], 1).getSearchResults().get(0).get(0);
    assertEquals(7L, hit.getId());
    assertEquals(0f, hit.getScore(), 1e-6f);
    assertVectors(7, hit.getEntity());
  }

  @Test
  void queriesReturnEveryVectorAndInsertsCheckEachField() {
    List<io.milvus.v2.service.vector.response.QueryResp.QueryResult> rows = client.query(QueryReq.builder()
        .collectionName(NAME).filter("id in [3, 150]").outputFields(List.of("*")).build()).getQueryResults();
    assertEquals(2, rows.size());
    assertVectors(3, rows.get(0).getEntity());
    assertVectors(150, rows.get(1).getEntity());

    JsonObject replaced = rows().get(5);
    replaced.add(TEXT, new com.google.gson.Gson().toJsonTree(TEXTS[6]));
    replaced.add(IMAGE, new com.google.gson.Gson().toJsonTree(IMAGES[6]));
    client.upsert(io.milvus.v2.service.vector.request.UpsertReq.builder().collectionName(NAME).data(List.of(replaced))
        .build());
    Map<String, Object> upserted = client.query(QueryReq.builder().collectionName(NAME).filter("id == 5")
        .outputFields(List.of(TEXT, IMAGE)).build()).getQueryResults().get(0).getEntity();
    assertVectors(6, upserted);
    client.upsert(io.milvus.v2.service.vector.request.UpsertReq.builder().collectionName(NAME).data(List.of(rows().get(5)))
        .build());

    JsonObject bad = rows().get(0);
    bad.add(IMAGE, new com.google.gson.Gson().toJsonTree(new float[8]));
    MilvusClientException e = assertThrows(MilvusClientException.class,
        () -> client.insert(InsertReq.builder().collectionName(NAME).data(List.of(bad)).build()));
    assertTrue(e.getMessage().contains("image_vec"), e.getMessage());
  }

  static void assertVectors(int row, Map<String, Object> entity) {
    assertArrayEquals(TEXTS[row], floats(entity.get(TEXT)), 0f);
    assertArrayEquals(IMAGES[row], floats(entity.get(IMAGE)), 0f);
  }

  @SuppressWarnings("unchecked")
  static float[] floats(Object v) {
    List<Float> list = (List<Float>) v;
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
