package org.milvusbench.gatling;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.vector.request.QueryReq;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.milvus.InProcessTargets;
import org.milvusbench.milvus.MilvusTarget;

/**
 * The embedded target started in this JVM and reached over gRPC: MilvusClientV2 sets collections up
 * and checks them, the DSL under test sends the load.
 */
final class EmbeddedMilvus implements AutoCloseable {
  final MilvusTarget target;
  final MilvusClientV2 client;

  EmbeddedMilvus(Path dataDir) {
    target = InProcessTargets.start(dataDir);
    client = new MilvusClientV2(ConnectConfig.builder().uri(target.endpoint().uri()).build());
  }

  /** A protocol to this target. */
  MilvusProtocolBuilder protocol() {
    return MilvusDsl.milvus().endpoint(target.endpoint());
  }

  /**
   * Creates, indexes (HNSW, L2) and loads a collection of data-prep's shape: {@code id} INT64
   * primary key (auto_id or given), {@code embedding} FLOAT_VECTOR(dim), {@code category} VARCHAR(10).
   */
  void createCollection(String name, int dim, boolean autoId) {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName(DatasetRows.ID_FIELD).dataType(DataType.Int64).isPrimaryKey(true)
        .autoID(autoId).build());
    schema.addField(AddFieldReq.builder().fieldName(DatasetRows.VECTOR_FIELD).dataType(DataType.FloatVector)
        .dimension(dim).build());
    schema.addField(AddFieldReq.builder().fieldName(DatasetRows.CATEGORY_FIELD).dataType(DataType.VarChar)
        .maxLength(10).build());
    IndexParam index = IndexParam.builder().fieldName(DatasetRows.VECTOR_FIELD).indexType(IndexParam.IndexType.HNSW)
        .metricType(IndexParam.MetricType.L2).extraParams(Map.of("M", 16, "efConstruction", 64)).build();
    client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema)
        .indexParams(List.of(index)).build());
  }

  /** Rows of {@code collection} matching {@code filter}, counted by MilvusClientV2 (strong). */
  long count(String collection, String filter) {
    return (Long) client.query(QueryReq.builder().collectionName(collection).filter(filter)
        .outputFields(List.of("count(*)")).consistencyLevel(ConsistencyLevel.STRONG).build())
        .getQueryResults().get(0).getEntity().get("count(*)");
  }

  @Override
  public void close() {
    client.close();
    target.close();
  }
}
