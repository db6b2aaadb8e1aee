package org.milvusbench.gatling.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.DslType;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.SearchRequest;

/**
 * The SearchRequest an action sends, built once with the keys milvus-sdk-java 2.6 sends; per
 * request only the placeholder group (the query vectors) is replaced.
 */
public final class SearchRequestTemplate {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchRequestTemplate() {}

  /** What {@code spec} sends over {@code protocol}, without the query vectors (set per request). */
  public static SearchRequest build(SearchSpec spec, MilvusProtocol protocol) {
    SearchRequest.Builder builder =
        SearchRequest.newBuilder().setCollectionName(spec.base().collection()).setNq(spec.nq());
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
    // As MilvusClientV2 does: the collection's level unless one is set.
    if (spec.consistency() == null) {
      builder.setUseDefaultConsistency(true);
    } else {
      builder.setConsistencyLevel(spec.consistency().wire());
    }
    return builder.setGuaranteeTimestamp(Consistency.guaranteeTimestamp(spec.consistency())).build();
  }

  /**
   * The first request {@code spec} sends over {@code protocol}: its template with the first {@code
   * nq} queries of its query set.
   *
   * @throws IllegalArgumentException if the vectors come from the session (there is no query set)
   */
  public static SearchRequest first(SearchSpec spec, MilvusProtocol protocol) {
    if (spec.queries() == null) {
      throw new IllegalArgumentException(
          spec.base().label() + ": vectors come from the session, so there is no first request");
    }
    return build(spec, protocol).toBuilder().setPlaceholderGroup(spec.queries().placeholderGroup(0, spec.nq())).build();
  }

  private static String paramsJson(SearchSpec spec) {
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
