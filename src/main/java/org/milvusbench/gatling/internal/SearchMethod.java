package org.milvusbench.gatling.internal;

import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResults;

/**
 * Milvus's {@code Search} RPC for the plain grpc-java the action runs on. milvus-sdk-java's
 * generated stubs are bound to its shaded gRPC copy; the messages themselves are plain protobuf, so
 * only the method descriptor is needed here.
 */
public final class SearchMethod {
  public static final MethodDescriptor<SearchRequest, SearchResults> SEARCH =
      MethodDescriptor.<SearchRequest, SearchResults>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(MilvusServiceGrpc.SERVICE_NAME, "Search"))
          .setRequestMarshaller(ProtoUtils.marshaller(SearchRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(SearchResults.getDefaultInstance()))
          .build();

  private SearchMethod() {}
}
