package org.milvusbench.gatling.internal;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.QueryResults;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResults;
import io.milvus.grpc.UpsertRequest;

/**
 * Milvus {@code MilvusService} RPCs for the plain grpc-java the actions run on. milvus-sdk-java's
 * generated stubs are bound to its shaded gRPC copy; the messages themselves are plain protobuf, so
 * only the method descriptors are needed here.
 */
public final class MilvusMethods {
  public static final MethodDescriptor<SearchRequest, SearchResults> SEARCH =
      unary("Search", SearchRequest.getDefaultInstance(), SearchResults.getDefaultInstance());
  public static final MethodDescriptor<InsertRequest, MutationResult> INSERT =
      unary("Insert", InsertRequest.getDefaultInstance(), MutationResult.getDefaultInstance());
  public static final MethodDescriptor<UpsertRequest, MutationResult> UPSERT =
      unary("Upsert", UpsertRequest.getDefaultInstance(), MutationResult.getDefaultInstance());
  public static final MethodDescriptor<DeleteRequest, MutationResult> DELETE =
      unary("Delete", DeleteRequest.getDefaultInstance(), MutationResult.getDefaultInstance());
  public static final MethodDescriptor<QueryRequest, QueryResults> QUERY =
      unary("Query", QueryRequest.getDefaultInstance(), QueryResults.getDefaultInstance());

  private MilvusMethods() {}

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> unary(
      String name, Q request, R response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(MilvusServiceGrpc.SERVICE_NAME, name))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }
}
