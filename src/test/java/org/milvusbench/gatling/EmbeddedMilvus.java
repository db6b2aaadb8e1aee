package org.milvusbench.gatling;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.netty.channel.DefaultEventLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.gatling.internal.MilvusComponents;
import org.milvusbench.gatling.internal.MilvusSearchAction;
import org.milvusbench.gatling.internal.SearchRequestTemplate;
import org.milvusbench.gatling.internal.SearchSpec;
import org.milvusbench.milvus.InProcessTargets;
import org.milvusbench.milvus.MilvusTarget;

/**
 * The embedded target started in this JVM for a test class and reached over gRPC: MilvusClientV2
 * sets collections up and checks them, the DSL under test sends the load. Register it as a static
 * {@code @RegisterExtension} field: it starts before the class's {@code @BeforeAll} methods, on a
 * fresh data directory, and stops after the class.
 */
final class EmbeddedMilvus implements BeforeAllCallback, AfterAllCallback {
  private Path dataDir;
  private MilvusTarget target;
  MilvusClientV2 client;
  /** The DSL's channels to the target, on an event loop of their own. */
  private MilvusComponents components;
  /** The virtual users' loop: not the channels' one, so every reply is handed over to it. */
  private DefaultEventLoop userLoop;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("embedded-milvus");
    target = InProcessTargets.start(dataDir);
    client = new MilvusClientV2(ConnectConfig.builder().uri(target.endpoint().uri()).build());
    components = new MilvusComponents(MilvusDsl.milvus().endpoint(target.endpoint()).protocol());
    userLoop = new DefaultEventLoop();
  }

  /** The target's port on 127.0.0.1 (for other clients: the Node SDK). */
  int port() {
    return target.endpoint().port();
  }

  /** One request of {@code action} by a user of {@link #userLoop}. */
  OperationRun.Outcome run(MilvusDataActionBuilder<?, ?> action) throws Exception {
    return OperationRun.run(action, components, userLoop);
  }

  /** One request of {@code search} by a user of {@link #userLoop}; the search's observer sees the reply. */
  RecordingStatsEngine.Response run(MilvusSearchActionBuilder search) throws Exception {
    SearchSpec spec = search.wrapped;
    ActionRun run = new ActionRun();
    run.execute(new MilvusSearchAction(spec, SearchRequestTemplate.build(spec, components.protocol()), components,
        run.stats, run.next), userLoop);
    return run.stats.single();
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
  public void afterAll(ExtensionContext context) throws IOException {
    components.close();
    client.close();
    target.close();
    userLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
