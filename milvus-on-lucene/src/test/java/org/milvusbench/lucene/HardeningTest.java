package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import io.milvus.grpc.DataType;
import io.milvus.grpc.DslType;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FloatArray;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.PlaceholderGroup;
import io.milvus.grpc.PlaceholderType;
import io.milvus.grpc.PlaceholderValue;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResults;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.VectorField;
import io.milvus.shaded.io.grpc.CallOptions;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.ManagedChannelBuilder;
import io.milvus.shaded.io.grpc.MethodDescriptor;
import io.milvus.shaded.io.grpc.Status;
import io.milvus.shaded.io.grpc.StatusRuntimeException;
import io.milvus.shaded.io.grpc.stub.ClientCalls;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.GetCollectionStatsReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, case 6: hostile requests over raw gRPC (bytes the SDK would never send). Each gets a
 * Milvus error status, or the clean gRPC status real Milvus gives for what cannot be parsed or is
 * too large; the server stays up throughout, and after a restart the data directory holds exactly
 * the rows that were acknowledged.
 */
class HardeningTest {
  private static final int DIM = 16;
  private static final int ROWS = 300;
  private static final String KEEP = "keep";
  private static final String DROPPED = "dropped";

  @TempDir
  Path dataDir;

  /** A Search method that sends raw bytes, as a broken or hostile client would. */
  private static final MethodDescriptor<byte[], byte[]> RAW_SEARCH = MethodDescriptor.<byte[], byte[]>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(MilvusServiceGrpc.getSearchMethod().getFullMethodName())
      .setRequestMarshaller(RawBytes.INSTANCE).setResponseMarshaller(RawBytes.INSTANCE).build();
  private static final MethodDescriptor<byte[], byte[]> RAW_INSERT = RAW_SEARCH.toBuilder()
      .setFullMethodName(MilvusServiceGrpc.getInsertMethod().getFullMethodName()).build();

  private enum RawBytes implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static SearchRequest search(String collection, int nq, int dim, int topK) {
    ByteBuffer buf = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
    for (int d = 0; d < dim; d++) {
      buf.putFloat(d / (float) dim);
    }
    ByteString one = ByteString.copyFrom(buf.array());
    PlaceholderValue.Builder value = PlaceholderValue.newBuilder().setTag("$0").setType(PlaceholderType.FloatVector);
    for (int q = 0; q < nq; q++) {
      value.addValues(one);
    }
    return SearchRequest.newBuilder().setCollectionName(collection).setNq(nq).setDslType(DslType.BoolExprV1)
        .setPlaceholderGroup(PlaceholderGroup.newBuilder().addPlaceholders(value).build().toByteString())
        .addSearchParams(kv("anns_field", TargetFixture.VECTOR)).addSearchParams(kv("topk", Integer.toString(topK)))
        .addSearchParams(kv("metric_type", "L2")).addSearchParams(kv("params", "{\"ef\":64}"))
        .build();
  }

  private static KeyValuePair kv(String k, String v) {
    return KeyValuePair.newBuilder().setKey(k).setValue(v).build();
  }

  private static InsertRequest insert(String collection, String category, int rows) {
    FloatArray.Builder floats = FloatArray.newBuilder();
    StringArray.Builder cats = StringArray.newBuilder();
    for (int i = 0; i < rows; i++) {
      for (int d = 0; d < DIM; d++) {
        floats.addData(i + d);
      }
      cats.addData(category);
    }
    return InsertRequest.newBuilder().setCollectionName(collection).setNumRows(rows)
        .addFieldsData(FieldData.newBuilder().setFieldName(TargetFixture.VECTOR).setType(DataType.FloatVector)
            .setVectors(VectorField.newBuilder().setDim(DIM).setFloatVector(floats)))
        .addFieldsData(FieldData.newBuilder().setFieldName("category").setType(DataType.VarChar)
            .setScalars(ScalarField.newBuilder().setStringData(cats)))
        .build();
  }

  private static void assertMilvusError(io.milvus.grpc.Status status, String what) {
    assertTrue(status.getCode() != 0 || status.getErrorCodeValue() != 0, what + ": expected a Milvus error status, got success");
    assertTrue(!status.getReason().isEmpty(), what + ": the status says why");
  }

  private static long rows(MilvusClientV2 client, String collection) {
    return client.getCollectionStats(GetCollectionStatsReq.builder().collectionName(collection).build()).getNumOfEntities();
  }

  @Test
  void hostileRequestsGetErrorsTheServerStaysUpAndTheDataIsConsistent() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
          .maxInboundMessageSize(64 * 1024 * 1024).build();
      MilvusServiceGrpc.MilvusServiceBlockingStub stub = MilvusServiceGrpc.newBlockingStub(channel);
      MilvusClientV2 client = TargetFixture.connect(server, null);
      try {
        for (String name : List.of(KEEP, DROPPED)) {
          TargetFixture.createReferenceCollection(client, name, DIM);
          TargetFixture.insertIndexAndLoad(client, name, TestData.rows(TestData.normal(ROWS, DIM, 7), 0, ROWS));
        }
        malformedAndOversizedRequestsGetErrors(channel, stub);

        // A collection dropped while 4 threads search it: each search succeeds or gets a Milvus status.
        droppedDuringSearches(server, stub, client);

        // Still up and correct.
        SearchResults ok = stub.search(search(KEEP, 1, DIM, 10));
        assertEquals(0, ok.getStatus().getCode(), ok.getStatus().getReason());
        assertEquals(10, ok.getResults().getIds().getIntId().getDataCount());
        assertEquals(ROWS, rows(client, KEEP));
      } finally {
        client.close();
        channel.shutdownNow();
      }
    }
    // Reopen the data directory: exactly the acknowledged rows, the dropped collection gone.
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      try {
        assertEquals(ROWS, rows(client, KEEP));
        assertTrue(!client.hasCollection(HasCollectionReq.builder().collectionName(DROPPED).build()));
      } finally {
        client.close();
      }
    }
  }

  /** Unparsable protobuf, limits past Milvus's, a 64 MiB message, bad UTF-8, an over-long VARCHAR. */
  private static void malformedAndOversizedRequestsGetErrors(ManagedChannel channel,
      MilvusServiceGrpc.MilvusServiceBlockingStub stub) {
    // Malformed protobuf: gRPC cannot parse it, a clean INTERNAL (as Milvus's Go server answers), not a crash.
    byte[] garbage = new byte[4096];
    new Random(8).nextBytes(garbage);
    garbage[0] = (byte) 0xFF; // an invalid tag: never a valid message
    StatusRuntimeException malformed = expectGrpcError(channel, RAW_SEARCH, garbage);
    assertEquals(Status.Code.INTERNAL, malformed.getStatus().getCode(), malformed.toString());

    // Huge topK, nq past 16,384, nq × dim past the limits, wrong dimension: Milvus statuses.
    assertMilvusError(stub.search(search(KEEP, 1, DIM, 1_000_000)).getStatus(), "topK 1,000,000");
    assertMilvusError(stub.search(search(KEEP, 16_385, DIM, 10)).getStatus(), "nq 16,385");
    assertMilvusError(stub.search(search(KEEP, 1, 32_769, 10)).getStatus(), "dim 32,769");
    assertMilvusError(stub.search(search(KEEP, 2, DIM + 1, 10)).getStatus(), "wrong dimension");

    // A 64 MiB message (accepted by the default 128 MiB limit): a status about its content.
    SearchResults big = stub.withDeadlineAfter(60, TimeUnit.SECONDS).search(search(KEEP, 16_384, 1024, 10));
    assertTrue(search(KEEP, 16_384, 1024, 10).getSerializedSize() > 64 * 1024 * 1024);
    assertMilvusError(big.getStatus(), "64 MiB search with dim 1024 on a dim-16 collection");

    // Invalid UTF-8 in a VARCHAR: the proto3 string cannot be parsed: clean INTERNAL, nothing inserted.
    byte[] insertBytes = insert(KEEP, "QQ", 2).toByteArray();
    byte[] broken = replace(insertBytes, "QQ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28});
    StatusRuntimeException utf8 = expectGrpcError(channel, RAW_INSERT, broken);
    assertEquals(Status.Code.INTERNAL, utf8.getStatus().getCode(), utf8.toString());
    // A VARCHAR over max_length (10): a Milvus status.
    MutationResult tooLong = stub.insert(insert(KEEP, "ABCDEFGHIJK", 1));
    assertMilvusError(tooLong.getStatus(), "VARCHAR of 11 > max_length 10");
  }

  private static void droppedDuringSearches(TargetServer server, MilvusServiceGrpc.MilvusServiceBlockingStub stub,
      MilvusClientV2 client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(pool.submit(() -> {
        while (!stop.get()) {
          SearchResults r = stub.withDeadlineAfter(10, TimeUnit.SECONDS).search(search(DROPPED, 1, DIM, 10));
          if (r.getStatus().getCode() == 0) {
            ok.incrementAndGet();
          } else {
            assertMilvusError(r.getStatus(), "search of a dropped collection");
            errors.incrementAndGet();
          }
        }
        return null;
      }));
    }
    // Events, not sleeps: the drop happens once searches succeed, the workers stop once they fail.
    awaitPositive(ok, "a search before the drop");
    client.dropCollection(io.milvus.v2.service.collection.request.DropCollectionReq.builder().collectionName(DROPPED).build());
    awaitPositive(errors, "a Milvus error after the drop");
    stop.set(true);
    for (Future<?> w : workers) {
      w.get(30, TimeUnit.SECONDS); // a StatusRuntimeException (transport failure) would surface here
    }
    pool.shutdown();
  }

  /** Waits (bounded only against a hang) until {@code counter} is positive. */
  private static void awaitPositive(AtomicInteger counter, String what) throws InterruptedException {
    long hangNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (counter.get() == 0) {
      assertTrue(System.nanoTime() < hangNanos, "no " + what + " within 120 s: hung");
      Thread.sleep(5);
    }
  }

  private static StatusRuntimeException expectGrpcError(ManagedChannel channel, MethodDescriptor<byte[], byte[]> method, byte[] body) {
    try {
      ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), body);
      fail(method.getFullMethodName() + " accepted a message it cannot parse");
      return null;
    } catch (StatusRuntimeException e) {
      assertNotEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), "the server must stay up: " + e);
      return e;
    }
  }

  private static byte[] replace(byte[] in, byte[] marker, byte[] with) {
    for (int i = 0; i + marker.length <= in.length; i++) {
      boolean match = true;
      for (int j = 0; j < marker.length && match; j++) {
        match = in[i + j] == marker[j];
      }
      if (match) {
        byte[] out = in.clone();
        System.arraycopy(with, 0, out, i, with.length);
        return out;
      }
    }
    throw new IllegalArgumentException("marker not found");
  }
}
