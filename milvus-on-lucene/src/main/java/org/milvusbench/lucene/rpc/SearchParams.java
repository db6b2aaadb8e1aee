package org.milvusbench.lucene.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.KeyValuePair;
import java.util.List;
import org.milvusbench.lucene.error.MilvusException;

/** A search's parameters, from the top-level pairs and the {@code params} JSON where the SDKs put some. */
final class SearchParams {
  private static final ObjectMapper JSON = new ObjectMapper();
  int topK = -1;
  int offset;
  int ef = -1;
  int roundDecimal = -1;
  String annsField = "";
  String metric = "";
  /** Range search bounds, null when absent. */
  Double radius;
  Double rangeFilter;

  static SearchParams parse(List<KeyValuePair> pairs) {
    SearchParams p = new SearchParams();
    for (KeyValuePair kv : pairs) {
      String v = kv.getValue();
      switch (kv.getKey()) {
        case "topk":
        case "limit":
          p.topK = parseInt("topk", v);
          break;
        case "offset":
          p.offset = parseInt("offset", v);
          break;
        case "ef":
          p.ef = parseInt("ef", v);
          break;
        case "round_decimal":
          p.roundDecimal = parseInt("round_decimal", v);
          break;
        case "anns_field":
          p.annsField = v;
          break;
        case "metric_type":
          p.metric = v;
          break;
        case "radius":
          p.radius = parseDouble("radius", v);
          break;
        case "range_filter":
          p.rangeFilter = parseDouble("range_filter", v);
          break;
        case "params":
          if (v.contains("ef") || v.contains("radius") || v.contains("range_filter")) {
            nested(p, v);
          }
          break;
        default:
          break;
      }
    }
    return p;
  }

  /** {@code ef}, {@code radius} and {@code range_filter} inside the {@code params} JSON (where the SDKs put them). */
  private static void nested(SearchParams p, String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (Exception e) {
      throw MilvusException.invalid("search params is not a JSON object: " + json);
    }
    if (node == null) {
      return;
    }
    if (p.ef < 0 && node.has("ef")) {
      p.ef = node.get("ef").asInt();
    }
    if (p.radius == null && node.has("radius")) {
      p.radius = parseDouble("radius", node.get("radius").asText());
    }
    if (p.rangeFilter == null && node.has("range_filter")) {
      p.rangeFilter = parseDouble("range_filter", node.get("range_filter").asText());
    }
  }

  private static Double parseDouble(String key, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw MilvusException.invalid(key + " [" + value + "] is invalid, it should be a number");
    }
  }

  static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw MilvusException.invalid(key + " [" + value + "] is invalid, it should be an integer");
    }
  }

}
