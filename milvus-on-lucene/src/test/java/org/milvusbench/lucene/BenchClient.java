package org.milvusbench.lucene;

import com.google.protobuf.ByteString;
import io.milvus.grpc.DataType;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Raw-stub requests for the benchmark: columns and placeholder bytes built directly, so the client's
 * own cost (it shares the two cores with the server) stays small next to the server's.
 */
final class BenchClient {
  private BenchClient() {}

  static InsertRequest insert(String collection, float[][] data, int from, int to) {
    FloatArray.Builder floats = FloatArray.newBuilder();
    StringArray.Builder categories = StringArray.newBuilder();
    for (int r = from; r < to; r++) {
      for (float x : data[r]) {
        floats.addData(x);
      }
      categories.addData(TestData.category(r));
    }
    return InsertRequest.newBuilder().setCollectionName(collection).setNumRows(to - from)
        .addFieldsData(FieldData.newBuilder().setFieldName(TargetFixture.VECTOR).setType(DataType.FloatVector)
            .setVectors(VectorField.newBuilder().setDim(data[0].length).setFloatVector(floats)))
        .addFieldsData(FieldData.newBuilder().setFieldName("category").setType(DataType.VarChar)
            .setScalars(ScalarField.newBuilder().setStringData(categories)))
        .build();
  }

  static void insertOrFail(MilvusServiceGrpc.MilvusServiceBlockingStub stub, InsertRequest request) {
    MutationResult r = stub.insert(request);
    if (r.getStatus().getCode() != 0) {
      throw new IllegalStateException("insert failed: " + r.getStatus().getReason());
    }
  }

  /** Every row of {@code data}, in inserts of 1,000 rows (ids 1..n in a fresh auto-id collection). */
  static void insertAll(MilvusServiceGrpc.MilvusServiceBlockingStub stub, String collection, float[][] data) {
    for (int from = 0; from < data.length; from += 1_000) {
      insertOrFail(stub, insert(collection, data, from, Math.min(data.length, from + 1_000)));
    }
  }

  /** A search as MilvusClientV2 sends it (topk, params JSON with ef, anns_field). */
  static SearchRequest search(String collection, float[] query, int topK, int ef) {
    ByteBuffer buf = ByteBuffer.allocate(query.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(query);
    PlaceholderGroup group = PlaceholderGroup.newBuilder().addPlaceholders(PlaceholderValue.newBuilder()
        .setTag("$0").setType(PlaceholderType.FloatVector).addValues(ByteString.copyFrom(buf.array()))).build();
    return SearchRequest.newBuilder().setCollectionName(collection).setPlaceholderGroup(group.toByteString())
        .setDslType(io.milvus.grpc.DslType.BoolExprV1).setNq(1)
        .addSearchParams(kv("anns_field", TargetFixture.VECTOR))
        .addSearchParams(kv("topk", Integer.toString(topK)))
        .addSearchParams(kv("ef", Integer.toString(ef)))
        .addSearchParams(kv("params", "{\"ef\":" + ef + "}"))
        .addSearchParams(kv("round_decimal", "-1"))
        .build();
  }

  private static KeyValuePair kv(String k, String v) {
    return KeyValuePair.newBuilder().setKey(k).setValue(v).build();
  }

  /** Reports a search's end to {@code done}: ok with a Milvus success status, else failed. */
  static io.milvus.shaded.io.grpc.stub.StreamObserver<SearchResults> observer(BenchLoop.Completion done) {
    return new io.milvus.shaded.io.grpc.stub.StreamObserver<>() {
      private Throwable failure;

      @Override
      public void onNext(SearchResults r) {
        try {
          ids(r);
        } catch (IllegalStateException e) {
          failure = e;
        }
      }

      @Override
      public void onError(Throwable t) {
        done.failed(t);
      }

      @Override
      public void onCompleted() {
        if (failure == null) {
          done.ok();
        } else {
          done.failed(failure);
        }
      }
    };
  }

  static long[] ids(SearchResults r) {
    if (r.getStatus().getCode() != 0) {
      throw new IllegalStateException("search failed: " + r.getStatus().getReason());
    }
    return r.getResults().getIds().getIntId().getDataList().stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Brute-force top {@code k} ids of each query. Ids were assigned 1..n in insert order in a fresh
   * collection, so row r has id r + 1.
   */
  static long[][] truth(float[][] data, float[][] queries, int k) {
    long[][] out = new long[queries.length][];
    for (int q = 0; q < queries.length; q++) {
      out[q] = java.util.Arrays.stream(TestData.bruteForceL2(data, queries[q], k, i -> true)).mapToLong(i -> i + 1L)
          .toArray();
    }
    return out;
  }

  /** Mean recall@k of searches with {@code ef} over gRPC against {@link #truth}. */
  static double recall(MilvusServiceGrpc.MilvusServiceBlockingStub stub, String collection, float[][] queries,
      long[][] truth, int ef) {
    double sum = 0;
    for (int q = 0; q < queries.length; q++) {
      sum += TestData.recall(truth[q], ids(stub.search(search(collection, queries[q], truth[q].length, ef))));
    }
    return sum / queries.length;
  }
}
