package org.milvusbench.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.grpc.LoadState;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The smoke profile end to end against the embedded target, checked through the client; conflicts; the CLI. */
class EndToEndTest {
  @TempDir static Path tmp;
  @RegisterExtension
  static final TargetFixture target = new TargetFixture();

  @Test
  void smokeProfileSeedsIndexesLoadsAndWritesTheQueryPool() {
    DataPrepConfig cfg = DataPrepConfig.profile("smoke").toBuilder().queryPoolDir(tmp.resolve("pool")).build();
    PrepSummary s = DataPrep.prepare(target.client, cfg, ProgressListener.none());
    assertEquals(2_000, s.rows());
    assertEquals(2_000, s.insertedThisRun());

    DescribeCollectionResp d = target.client.describeCollection(DescribeCollectionReq.builder()
        .collectionName("benchmark_smoke").build());
    Map<String, CreateCollectionReq.FieldSchema> fields = d.getCollectionSchema().getFieldSchemaList().stream()
        .collect(Collectors.toMap(CreateCollectionReq.FieldSchema::getName, f -> f));
    assertEquals(DataType.Int64, fields.get("id").getDataType());
    assertTrue(fields.get("id").getIsPrimaryKey() && fields.get("id").getAutoID());
    assertEquals(768, fields.get("embedding").getDimension());
    assertEquals(DataType.VarChar, fields.get("category").getDataType());
    assertEquals(10, fields.get("category").getMaxLength());

    long count = ((Number) target.client.query(QueryReq.builder().collectionName("benchmark_smoke").filter("")
        .outputFields(List.of("count(*)")).consistencyLevel(ConsistencyLevel.STRONG).build())
        .getQueryResults().get(0).getEntity().get("count(*)")).longValue();
    assertEquals(2_000, count);

    DescribeIndexResp.IndexDesc index = target.client.describeIndex(DescribeIndexReq.builder()
        .collectionName("benchmark_smoke").fieldName("embedding").build()).getIndexDescByFieldName("embedding");
    assertEquals(IndexParam.IndexType.HNSW, index.getIndexType());
    assertEquals(IndexParam.MetricType.L2, index.getMetricType());
    assertEquals("16", index.getExtraParams().get("M"));
    assertEquals("200", index.getExtraParams().get("efConstruction"));
    assertEquals(LoadState.LoadStateLoaded, target.client.getLoadStateV2(GetLoadStateReq.builder()
        .collectionName("benchmark_smoke").build()).getState());

    // The pool: sizes, and its ground truth agrees with an exhaustive-ef search through the server.
    QueryPool pool = QueryPool.load(QueryPool.dir(cfg));
    assertEquals(100, pool.uniform().size());
    assertEquals(50, pool.dataset().size());
    assertEquals(10, pool.info().k());
    QueryPool.QuerySet set = pool.dataset();
    int hits = 0;
    for (int q = 0; q < 10; q++) {
      SearchResp r = target.client.search(SearchReq.builder().collectionName("benchmark_smoke")
          .annsField("embedding").data(List.of(new FloatVec(set.queries()[q]))).limit(10)
          .searchParams(Map.of("ef", 500)).consistencyLevel(ConsistencyLevel.STRONG).build());
      Set<Long> truth = new HashSet<>();
      Arrays.stream(set.truthIds()[q]).forEach(truth::add);
      hits += (int) r.getSearchResults().get(0).stream().filter(x -> truth.contains(((Number) x.getId()).longValue()))
          .count();
    }
    assertTrue(hits >= 95, "recall@10 with ef=500 over 2,000 rows is " + hits + "/100");

    // Second run: everything reused, nothing inserted or recomputed.
    PrepSummary again = DataPrep.prepare(target.client, cfg, ProgressListener.none());
    assertTrue(again.reused(), again.toString());
    assertEquals(0, again.insertedThisRun());
  }

  @Test
  void clusteredDataGivesHighRecallAtEf64() {
    DataPrepConfig cfg = DataPrepConfig.builder().collection("clustered_recall").source("clustered").dim(32)
        .rows(3_000).batchSize(1_000).clusters(20).clusterSpread(0.05).uniformQueries(0).datasetQueries(50).k(10)
        .queryPoolDir(tmp.resolve("pool")).build();
    DataPrep.prepare(target.client, cfg, ProgressListener.none());
    QueryPool.QuerySet set = QueryPool.load(QueryPool.dir(cfg)).dataset();
    double recall = 0;
    for (int q = 0; q < set.size(); q++) {
      SearchResp r = target.client.search(SearchReq.builder().collectionName(cfg.collection()).annsField("embedding")
          .data(List.of(new FloatVec(set.queries()[q]))).limit(10).searchParams(Map.of("ef", 64))
          .consistencyLevel(ConsistencyLevel.STRONG).build());
      long[] got = r.getSearchResults().get(0).stream().mapToLong(x -> ((Number) x.getId()).longValue()).toArray();
      recall += QueryPool.recall(set.truthIds()[q], got, 10) / set.size();
    }
    assertTrue(recall > 0.9, "recall@10 at ef=64 on clustered data is " + recall);
  }

  @Test
  void collectionLeftWithoutIndexByAKillIsCompleted() {
    DataPrepConfig cfg = ResumeTest.small("no_index_yet", 200, tmp.resolve("pool"));
    // What a kill between CreateCollection and CreateIndex leaves behind.
    target.client.createCollection(CollectionSpec.createRequest(cfg, "random-normal(seed=42,dim=16)"));
    PrepSummary s = DataPrep.prepare(target.client, cfg, ProgressListener.none());
    assertEquals(200, s.rows());
    assertEquals(200, s.insertedThisRun());
    assertEquals("16", target.client.describeIndex(DescribeIndexReq.builder().collectionName("no_index_yet")
        .fieldName("embedding").build()).getIndexDescByFieldName("embedding").getExtraParams().get("M"));
  }

  @Test
  void conflictingSchemaNamesTheDifference() {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).autoID(true)
        .build());
    schema.addField(AddFieldReq.builder().fieldName("embedding").dataType(DataType.FloatVector).dimension(8).build());
    schema.addField(AddFieldReq.builder().fieldName("category").dataType(DataType.VarChar).maxLength(10).build());
    target.client.createCollection(CreateCollectionReq.builder().collectionName("conflict_schema")
        .collectionSchema(schema).build());
    DataPrepConfig cfg = ResumeTest.small("conflict_schema", 100, tmp.resolve("pool"));
    DataPrepException e = assertThrows(DataPrepException.class,
        () -> DataPrep.prepare(target.client, cfg, ProgressListener.none()));
    assertEquals("collection conflict_schema exists but its schema differs: embedding: dim is 8, requested 16 "
        + "(use --recreate to drop it, or choose another --collection)", e.getMessage());
    PrepSummary s = DataPrep.prepare(target.client, cfg.toBuilder().recreate(true).build(), ProgressListener.none());
    assertEquals(100, s.rows());
  }

  @Test
  void conflictingIndexNamesTheDifference() {
    DataPrepConfig cfg = ResumeTest.small("conflict_index", 100, tmp.resolve("pool"));
    DataPrep.prepare(target.client, cfg, ProgressListener.none());
    DataPrepException e = assertThrows(DataPrepException.class,
        () -> DataPrep.prepare(target.client, cfg.toBuilder().m(8).build(), ProgressListener.none()));
    assertEquals("collection conflict_index exists but its index differs: index: M is 16, requested 8 "
        + "(use --recreate to drop it, or choose another --collection)", e.getMessage());
    e = assertThrows(DataPrepException.class,
        () -> DataPrep.prepare(target.client, cfg.toBuilder().seed(7).build(), ProgressListener.none()));
    assertEquals("collection conflict_index exists but it holds other data: random-normal(seed=42,dim=16), "
        + "requested random-normal(seed=7,dim=16) (use --recreate to drop it, or choose another --collection)",
        e.getMessage());
    e = assertThrows(DataPrepException.class, () -> DataPrep.prepare(target.client,
        cfg.toBuilder().categories(List.of("X", "Y")).build(), ProgressListener.none()));
    assertEquals("collection conflict_index exists but it holds other data: random-normal(seed=42,dim=16), "
        + "requested random-normal(seed=42,dim=16) categories=X,Y (use --recreate to drop it, or choose another "
        + "--collection)", e.getMessage());
  }

  @Test
  void unreachableUriFailsNamingItButNotTheToken() {
    DataPrepException e = assertThrows(DataPrepException.class,
        () -> MilvusConnect.connect(org.milvusbench.milvus.MilvusEndpoint.of("http://127.0.0.1:1", "root:Secret", null)));
    assertTrue(e.getMessage().startsWith("cannot connect to Milvus at http://127.0.0.1:1: "), e.getMessage());
    assertTrue(!e.getMessage().contains("Secret"));
  }

  @Test
  void cliSeedsTheEmbeddedTargetThenReusesIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = {"--profile", "smoke", "--data", tmp.resolve("cli-target").toString(), "--query-pool-dir",
        tmp.resolve("cli-pool").toString(), "--dim", "8", "--rows", "300", "--batch-size", "100", "--no-progress"};
    int rc = DataPrepMain.run(new PrintStream(out, true), new PrintStream(err, true), args);
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    Path summary = tmp.resolve("cli-pool").resolve("benchmark_smoke").resolve("prep-summary.json");
    assertTrue(Files.readString(summary).contains("\"rows\" : 300"), Files.readString(summary));
    out.reset();
    rc = DataPrepMain.run(new PrintStream(out, true), new PrintStream(err, true), args);
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("benchmark_smoke (reused)"), out.toString());
  }

  @Test
  void cliReportsBadFlagsAndUnreachableServers() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true);
    assertEquals(1, DataPrepMain.run(System.out, e, "--metric", "HAMMING"));
    assertEquals("data-prep: --metric: \"HAMMING\" is not allowed (allowed: L2, IP, COSINE)",
        err.toString(StandardCharsets.UTF_8).trim());
    err.reset();
    assertEquals(1, DataPrepMain.run(System.out, e, "--uri", "http://127.0.0.1:1", "--token", "root:Secret",
        "--query-pool-dir", tmp.resolve("x").toString()));
    String msg = err.toString(StandardCharsets.UTF_8).trim();
    assertTrue(msg.startsWith("data-prep: cannot connect to Milvus at http://127.0.0.1:1: ") && !msg.contains("\n")
        && !msg.contains("Secret"), msg);
  }
}
