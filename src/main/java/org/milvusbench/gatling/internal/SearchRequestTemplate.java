package org.milvusbench.gatling.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.DslType;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.SearchRequest;
import org.milvusbench.gatling.MilvusSearchActionBuilder;

/**
 * The SearchRequest an action sends, built once with the keys milvus-sdk-java 2.6 sends; per
 * request only the placeholder group (the query vectors) is replaced.
 */
public final class SearchRequestTemplate {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchRequestTemplate() {}

  public static SearchRequest build(MilvusSearchActionBuilder spec, MilvusProtocol protocol) {
    SearchRequest.Builder builder =
        SearchRequest.newBuilder().setCollectionName(spec.collection()).setNq(spec.nq());
    if (protocol.endpoint().db() != null) {
      builder.setDbName(protocol.endpoint().db());
    }
    if (spec.annsField() != null) {
      builder.addSearchParams(kv("anns_field", spec.annsField()));
    }
    builder
        .addSearchParams(kv("topk", Integer.toString(spec.topK())))
        .addSearchParams(kv("round_decimal", "-1"))
        .addSearchParams(kv("ignore_growing", "false"))
        .addSearchParams(kv("offset", "0"))
        .addSearchParams(kv("params", paramsJson(spec)));
    if (spec.metric() != null) {
      builder.addSearchParams(kv("metric_type", spec.metric().name()));
    }
    builder.setDslType(DslType.BoolExprV1);
    if (spec.filter() != null) {
      builder.setDsl(spec.filter());
    }
    builder.addAllOutputFields(spec.outputFields());
    // As MilvusClientV2 does without an explicit consistency level.
    builder.setUseDefaultConsistency(true).setGuaranteeTimestamp(1L);
    return builder.build();
  }

  private static String paramsJson(MilvusSearchActionBuilder spec) {
    try {
      return JSON.writeValueAsString(spec.searchParams());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("search params: not representable as JSON: " + spec.searchParams(), e);
    }
  }

  private static KeyValuePair kv(String key, String value) {
    return KeyValuePair.newBuilder().setKey(key).setValue(value).build();
  }
}
