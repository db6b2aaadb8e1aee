package org.milvusbench.gatling;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.milvus.grpc.DataType;
import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.QueryResults;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.Status;
import io.milvus.grpc.UpsertRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.milvusbench.gatling.NoopMilvusServer.Behaviour;
import org.milvusbench.gatling.internal.MilvusMethods;

/**
 * The no-op Milvus's Insert, Upsert, Delete and Query: unlike Search they parse their requests (kept
 * for assertions) and answer from them: the rows sent counted as written, the ids of an {@code in
 * [...]} filter as deleted, {@link #QUERY_ROWS} rows or a count of {@link #COUNT} returned.
 */
final class NoopDataMethods {
  /** Rows every query returns (ids 0, 1, 2). */
  static final int QUERY_ROWS = 3;
  /** What every {@code count(*)} query counts. */
  static final long COUNT = 42;

  private final Supplier<Behaviour> behaviour;
  private final Status error;
  private final Map<String, Message> lastRequests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> received = new ConcurrentHashMap<>();

  NoopDataMethods(Supplier<Behaviour> behaviour, Status error) {
    this.behaviour = behaviour;
    this.error = error;
  }

  void addTo(ServerServiceDefinition.Builder service) {
    add(service, MilvusMethods.INSERT, (InsertRequest r) -> mutation().setInsertCnt(r.getNumRows()).build(),
        () -> MutationResult.newBuilder().setStatus(error).build());
    add(service, MilvusMethods.UPSERT, (UpsertRequest r) -> mutation().setUpsertCnt(r.getNumRows()).build(),
        () -> MutationResult.newBuilder().setStatus(error).build());
    add(service, MilvusMethods.DELETE, (DeleteRequest r) -> mutation().setDeleteCnt(idsIn(r.getExpr())).build(),
        () -> MutationResult.newBuilder().setStatus(error).build());
    add(service, MilvusMethods.QUERY, NoopDataMethods::query, () -> QueryResults.newBuilder().setStatus(error).build());
  }

  /** The last request of {@code method} (e.g. {@code Insert}) this server received, or null. */
  @SuppressWarnings("unchecked")
  <T extends Message> T lastRequest(String method) {
    return (T) lastRequests.get(method);
  }

  /** Requests of {@code method} (e.g. {@code Insert}) received so far. */
  long received(String method) {
    LongAdder count = received.get(method);
    return count == null ? 0 : count.sum();
  }

  private <Q extends Message, R> void add(ServerServiceDefinition.Builder service, MethodDescriptor<Q, R> method,
      Function<Q, R> ok, Supplier<R> failed) {
    service.addMethod(method, ServerCalls.asyncUnaryCall((Q request, StreamObserver<R> out) -> {
      lastRequests.put(method.getBareMethodName(), request);
      received.computeIfAbsent(method.getBareMethodName(), name -> new LongAdder()).increment();
      switch (behaviour.get()) {
        case OK -> out.onNext(ok.apply(request));
        case ERROR_STATUS -> out.onNext(failed.get());
        case NEVER_ANSWER -> {
          return;
        }
      }
      out.onCompleted();
    }));
  }

  private static MutationResult.Builder mutation() {
    return MutationResult.newBuilder().setStatus(Status.newBuilder()).setTimestamp(1);
  }

  private static long idsIn(String expr) {
    int open = expr.indexOf('[');
    int close = expr.lastIndexOf(']');
    String list = open < 0 || close < open ? "" : expr.substring(open + 1, close).trim();
    return list.isEmpty() ? 0 : list.split(",").length;
  }

  private static QueryResults query(QueryRequest request) {
    QueryResults.Builder out = QueryResults.newBuilder().setStatus(Status.newBuilder()).setPrimaryFieldName("id");
    if (request.getOutputFieldsList().contains("count(*)")) {
      return out.addFieldsData(longColumn("count(*)", COUNT)).build();
    }
    return out.addFieldsData(longColumn("id", 0, 1, 2)).build();
  }

  private static FieldData longColumn(String name, long... values) {
    LongArray.Builder data = LongArray.newBuilder();
    for (long value : values) {
      data.addData(value);
    }
    return FieldData.newBuilder().setFieldName(name).setType(DataType.Int64)
        .setScalars(ScalarField.newBuilder().setLongData(data)).build();
  }
}
