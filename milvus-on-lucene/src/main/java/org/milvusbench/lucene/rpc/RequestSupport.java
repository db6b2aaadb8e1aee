package org.milvusbench.lucene.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.SearchRequest;
import java.util.List;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;

/**
 * Parts of a search or query request that would change Milvus's answer and that this server does
 * not implement, refused by name (3000) rather than ignored: ignoring a {@code group_by_field} returns plain top-k hits that look right and are not.
 */
final class RequestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Search parameter → the feature it asks for, in the order they are checked (so a message is stable). */
  private static final List<Map.Entry<String, String>> SEARCH_PARAMS = List.of(
      Map.entry("group_by_field", "grouping search (group_by_field)"),
      Map.entry("hints", "search hints (hints)"));

  private RequestSupport() {}

  static void checkSearch(SearchRequest request) {
    if (request.hasIds() || request.getSearchByPrimaryKeys()) {
      refuse("search by primary keys: send the vectors");
    }
    if (request.getSubReqsCount() > 0) {
      refuse("search sub-requests (sub_reqs)");
    }
    if (request.hasFunctionScore()) {
      refuse("rerank functions (function_score)");
    }
    if (request.hasHighlighter()) {
      refuse("highlighting (highlighter)");
    }
    if (request.hasNamespace()) {
      refuse("namespaces");
    }
    Map<String, String> params = new java.util.HashMap<>();
    for (KeyValuePair kv : request.getSearchParamsList()) {
      params.put(kv.getKey(), kv.getValue());
      if (kv.getKey().equals("params")) {
        params.putAll(nested(kv.getValue()));
      }
    }
    for (Map.Entry<String, String> p : SEARCH_PARAMS) {
      String value = params.get(p.getKey());
      // A blank or false value asks for nothing (clients may send a parameter's default).
      if (value != null && !value.isBlank() && !value.equalsIgnoreCase("false")) {
        refuse(p.getValue());
      }
    }
  }

  static void checkQuery(QueryRequest request) {
    if (request.hasNamespace()) {
      refuse("namespaces");
    }
  }

  /** The entries of the {@code params} JSON object as text; a malformed one is reported where it is read. */
  private static Map<String, String> nested(String params) {
    Map<String, String> out = new java.util.HashMap<>();
    try {
      JsonNode node = JSON.readTree(params.isEmpty() ? "{}" : params);
      if (node != null) {
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
      }
    } catch (java.io.IOException e) {
      // SearchRpcs reports it with the parameter's name.
    }
    return out;
  }

  private static void refuse(String feature) {
    throw MilvusException.unsupported(feature);
  }
}
