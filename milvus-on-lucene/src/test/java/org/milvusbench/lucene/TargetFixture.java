package org.milvusbench.lucene;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.index.request.CreateIndexReq;
import java.util.List;
import java.util.Map;

/** Shared client-side steps of the tests: connect, the reference schema, the reference index. */
final class TargetFixture {
  static final String VECTOR = "embedding";

  private TargetFixture() {}

  static MilvusClientV2 connect(TargetServer server, String token) {
    ConnectConfig.ConnectConfigBuilder cfg = ConnectConfig.builder().uri("http://127.0.0.1:" + server.port())
        .connectTimeoutMs(5_000);
    if (token != null) {
      cfg.token(token);
    }
    return new MilvusClientV2(cfg.build());
  }

  /** The reference schema: id INT64 auto_id, embedding FLOAT_VECTOR(dim), category VARCHAR(10). */
  static void createReferenceCollection(MilvusClientV2 client, String name, int dim) {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).autoID(true).build());
    schema.addField(AddFieldReq.builder().fieldName(VECTOR).dataType(DataType.FloatVector).dimension(dim).build());
    schema.addField(AddFieldReq.builder().fieldName("category").dataType(DataType.VarChar).maxLength(10).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema).build());
  }

  /** The reference schema with client-assigned keys: id INT64 (no auto_id), embedding, category VARCHAR(10). */
  static void createKeyedCollection(MilvusClientV2 client, String name, int dim) {
    createKeyedCollection(client, name, dim, false);
  }

  /** The same, with or without enable_dynamic_field. */
  static void createKeyedCollection(MilvusClientV2 client, String name, int dim, boolean dynamic) {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().enableDynamicField(dynamic).build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).autoID(false).build());
    schema.addField(AddFieldReq.builder().fieldName(VECTOR).dataType(DataType.FloatVector).dimension(dim).build());
    schema.addField(AddFieldReq.builder().fieldName("category").dataType(DataType.VarChar).maxLength(10).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema).build());
  }

  /** HNSW, L2, M=16, efConstruction=200; waits until built (the client polls DescribeIndex, 60 s at most). */
  /** Inserts {@code rows}, builds the reference index and loads the collection: ready to search. */
  /** The {@code id}s of {@code collection}'s rows matching {@code filter}, ascending. */
  static java.util.Set<Long> ids(MilvusClientV2 client, String collection, String filter) {
    java.util.Set<Long> ids = new java.util.TreeSet<>();
    client.query(io.milvus.v2.service.vector.request.QueryReq.builder().collectionName(collection).filter(filter)
        .outputFields(List.of("id")).build()).getQueryResults().forEach(r -> ids.add((Long) r.getEntity().get("id")));
    return ids;
  }

  static void insertIndexAndLoad(MilvusClientV2 client, String name, List<com.google.gson.JsonObject> rows) {
    client.insert(io.milvus.v2.service.vector.request.InsertReq.builder().collectionName(name).data(rows).build());
    createReferenceIndex(client, name);
    client.loadCollection(io.milvus.v2.service.collection.request.LoadCollectionReq.builder().collectionName(name).build());
  }

  static void createReferenceIndex(MilvusClientV2 client, String name) {
    client.createIndex(CreateIndexReq.builder().collectionName(name).indexParams(List.of(referenceIndex())).build());
  }

  /** The same without waiting: large builds outlast the client's 60 s default. */
  static void createReferenceIndexAsync(MilvusClientV2 client, String name) {
    client.createIndex(CreateIndexReq.builder().collectionName(name).indexParams(List.of(referenceIndex()))
        .sync(false).build());
  }

  private static IndexParam referenceIndex() {
    return IndexParam.builder().fieldName(VECTOR).indexType(IndexParam.IndexType.HNSW)
        .metricType(IndexParam.MetricType.L2).extraParams(Map.of("M", 16, "efConstruction", 200)).build();
  }
}
