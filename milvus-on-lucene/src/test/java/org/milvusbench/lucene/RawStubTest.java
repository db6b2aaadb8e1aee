package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FloatArray;
import io.milvus.grpc.GetMetricsRequest;
import io.milvus.grpc.GetMetricsResponse;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.VectorField;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.ManagedChannelBuilder;
import io.milvus.shaded.io.grpc.Status;
import io.milvus.shaded.io.grpc.StatusRuntimeException;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the client library hides: server-side insert validation, UNIMPLEMENTED, message size, GetMetrics. */
class RawStubTest {
  private static final int DIM = 16;
  private static final String NAME = "raw";

  @RegisterExtension
  static final SharedTarget target = new SharedTarget(config -> config.maxMessageBytes(2 * 1024 * 1024));
  static ManagedChannel channel;
  static MilvusServiceGrpc.MilvusServiceBlockingStub stub;

  @BeforeAll
  static void start() throws Exception {
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", target.server().port()).usePlaintext()
        .maxInboundMessageSize(64 * 1024 * 1024).build();
    stub = MilvusServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    TargetFixture.createReferenceCollection(target.client(), NAME, DIM);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow();
  }

  private static InsertRequest insert(int rows, int dim) {
    FloatArray.Builder floats = FloatArray.newBuilder();
    StringArray.Builder categories = StringArray.newBuilder();
    for (int i = 0; i < rows; i++) {
      for (int d = 0; d < dim; d++) {
        floats.addData(i + d / 100f);
      }
      categories.addData("A");
    }
    return InsertRequest.newBuilder().setCollectionName(NAME).setNumRows(rows)
        .addFieldsData(FieldData.newBuilder().setFieldName(TargetFixture.VECTOR).setType(DataType.FloatVector)
            .setVectors(VectorField.newBuilder().setDim(dim).setFloatVector(floats)))
        .addFieldsData(FieldData.newBuilder().setFieldName("category").setType(DataType.VarChar)
            .setScalars(ScalarField.newBuilder().setStringData(categories)))
        .build();
  }

  @Test
  void insertWithWrongDimensionIsAStatusAndTheNextInsertWorks() {
    MutationResult bad = stub.insert(insert(2, 8));
    assertEquals(1100, bad.getStatus().getCode());
    assertEquals("the dim (8) of field data(embedding) is not equal to schema dim (16): invalid parameter",
        bad.getStatus().getReason());
    MutationResult good = stub.insert(insert(3, DIM));
    assertEquals(0, good.getStatus().getCode());
    assertEquals(3, good.getInsertCnt());
    assertEquals(3, good.getIDs().getIntId().getDataCount());
  }

  @Test
  void indexBuildProgressCountsRowsAndEndsFinished() throws Exception {
    String name = "progress";
    MilvusClientV2 client = TargetFixture.connect(target.server(), null);
    try {
      TargetFixture.createReferenceCollection(client, name, DIM);
      client.insert(InsertReq.builder().collectionName(name).data(TestData.rows(TestData.normal(600, DIM, 8), 0, 600)).build());
      TargetFixture.createReferenceIndexAsync(client, name);
      long previous = -1;
      io.milvus.grpc.GetIndexBuildProgressResponse progress;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      do {
        progress = stub.getIndexBuildProgress(io.milvus.grpc.GetIndexBuildProgressRequest.newBuilder()
            .setCollectionName(name).build());
        assertEquals(0, progress.getStatus().getCode());
        assertTrue(progress.getIndexedRows() >= previous, "progress never goes back");
        assertTrue(progress.getIndexedRows() <= progress.getTotalRows() || progress.getTotalRows() == 0);
        previous = progress.getIndexedRows();
        io.milvus.grpc.IndexState stateNow = stub.getIndexState(io.milvus.grpc.GetIndexStateRequest.newBuilder()
            .setCollectionName(name).build()).getState();
        // States only move forward: once every row counts as indexed, a later GetIndexState says Finished.
        if (progress.getTotalRows() > 0 && progress.getIndexedRows() == progress.getTotalRows()) {
          assertEquals(io.milvus.grpc.IndexState.Finished, stateNow, "all rows indexed but the index is not finished");
        }
        Thread.sleep(20);
      } while (progress.getIndexedRows() < 600 && System.nanoTime() < deadline);
      assertEquals(600, progress.getIndexedRows());
      assertEquals(600, progress.getTotalRows());
      io.milvus.grpc.GetIndexStateResponse state = stub.getIndexState(io.milvus.grpc.GetIndexStateRequest.newBuilder()
          .setCollectionName(name).build());
      assertEquals(io.milvus.grpc.IndexState.Finished, state.getState());
      io.milvus.grpc.IndexDescription d = stub.describeIndex(io.milvus.grpc.DescribeIndexRequest.newBuilder()
          .setCollectionName(name).build()).getIndexDescriptions(0);
      assertEquals(0, d.getPendingIndexRows());
      assertEquals("HNSW", d.getParamsList().stream().filter(kv -> kv.getKey().equals("index_type")).findFirst()
          .orElseThrow().getValue());
    } finally {
      client.close();
    }
  }

  @Test
  void unimplementedRpcAnswersUnimplemented() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.alterDatabase(io.milvus.grpc.AlterDatabaseRequest.newBuilder().setDbName("default").build()));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
  }

  @Test
  void oversizeMessageIsResourceExhaustedAndTheServerStaysUp() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.insert(insert(40_000, DIM)));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    assertEquals(0, stub.insert(insert(1, DIM)).getStatus().getCode());
  }

  @Test
  void metricsReportSearchServiceTimesAndProcess() throws Exception {
    MilvusClientV2 client = TargetFixture.connect(target.server(), null);
    try {
      client.insert(InsertReq.builder().collectionName(NAME).data(TestData.rows(TestData.normal(50, DIM, 5), 0, 50)).build());
      client.loadCollection(LoadCollectionReq.builder().collectionName(NAME).build());
      stub.getMetrics(GetMetricsRequest.newBuilder().setRequest("{\"metric_type\":\"milvusbench_stats\",\"reset\":true}").build());
      for (int i = 0; i < 7; i++) {
        client.search(SearchReq.builder().collectionName(NAME).data(List.of(new FloatVec(new float[DIM])))
            .limit(3).searchParams(Map.of("ef", 16)).build());
      }
    } finally {
      client.close();
    }
    GetMetricsResponse resp = stub.getMetrics(GetMetricsRequest.newBuilder()
        .setRequest("{\"metric_type\":\"milvusbench_stats\",\"reset\":true}").build());
    assertEquals(0, resp.getStatus().getCode());
    JsonNode json = new ObjectMapper().readTree(resp.getResponse());
    assertEquals(7, json.at("/searchServiceMicros/count").asLong());
    Histogram h = Histogram.decodeFromCompressedByteBuffer(
        ByteBuffer.wrap(Base64.getDecoder().decode(json.at("/searchServiceMicros/histogram").asText())), 0);
    assertEquals(7, h.getTotalCount());
    assertTrue(h.getMaxValue() > 0);
    assertEquals(ProcessHandle.current().pid(), json.at("/process/pid").asLong());
    assertTrue(json.at("/process/cpuNanos").asLong() > 0);
    assertTrue(json.at("/process/rssBytes").asLong() > 10_000_000);
    assertTrue(json.at("/process/peakRssBytes").asLong() >= json.at("/process/rssBytes").asLong());
    // This JVM (the target's) has compiled by now: the sweep's warm-up waits for this figure to settle.
    assertTrue(json.at("/process/jitMillis").asLong() > 0, json.toString());
    JsonNode again = new ObjectMapper().readTree(stub.getMetrics(GetMetricsRequest.newBuilder()
        .setRequest("{\"metric_type\":\"milvusbench_stats\"}").build()).getResponse());
    assertEquals(0, again.at("/searchServiceMicros/count").asLong(), "reset started a new interval");
    assertEquals(1200, stub.getMetrics(GetMetricsRequest.newBuilder().setRequest("{\"metric_type\":\"x\"}").build())
        .getStatus().getCode());
  }
}
