package org.milvusbench.lucene.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.KeyValuePair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.VectorMetric;

/**
 * A hybrid search's {@code rank_params} (what MilvusClientV2's RRFRanker / WeightedRanker and the other
 * SDKs send: {@code strategy}, {@code params} JSON, {@code limit}, {@code offset}, {@code round_decimal})
 * and the fusion of the sub-searches' hits, as Milvus 2.6 computes it in
 * internal/util/function/rerank (rrf_function.go, weighted_function.go, util.go: getNormalizeFunc,
 * classifyMetricsOrder, newIDScores). Scores are float32 and summed in sub-request order, as there.
 */
final class HybridRank {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final float DEFAULT_RRF_K = 60;

  final int limit;
  final int offset;
  final int roundDecimal;
  /** RRF's k, or NaN for the weighted strategy. */
  private final float k;
  private final float[] weights;
  private final boolean normScore;

  private HybridRank(int limit, int offset, int roundDecimal, float k, float[] weights, boolean normScore) {
    this.limit = limit;
    this.offset = offset;
    this.roundDecimal = roundDecimal;
    this.k = k;
    this.weights = weights;
    this.normScore = normScore;
  }

  /** One sub-search's hits for one query: keys (Long or String) best first, and their scores. */
  record Hits(List<Object> keys, float[] scores) {}

  static HybridRank parse(List<KeyValuePair> pairs, int subRequests) {
    Map<String, String> kv = new HashMap<>();
    pairs.forEach(p -> kv.put(p.getKey(), p.getValue()));
    if (kv.containsKey("group_by_field") && !kv.get("group_by_field").isBlank()) {
      throw MilvusException.unsupported("grouping search (group_by_field)");
    }
    if (!kv.containsKey("limit")) {
      throw new MilvusException(MilvusException.UNEXPECTED, "limit not found in rank_params");
    }
    int limit = SearchParams.parseInt("limit", kv.get("limit"));
    int offset = kv.containsKey("offset") ? SearchParams.parseInt("offset", kv.get("offset")) : 0;
    int round = kv.containsKey("round_decimal") ? SearchParams.parseInt("round_decimal", kv.get("round_decimal")) : -1;
    if (limit < 1 || offset < 0 || limit + offset > SearchRpcs.MAX_TOPK) {
      throw MilvusException.invalid("topk+offset [" + (limit + offset) + "] is invalid, it should be in range [1, "
          + SearchRpcs.MAX_TOPK + "], but got " + (limit + offset));
    }
    String strategy = kv.getOrDefault("strategy", "rrf"); // no strategy: RRF with k = 60, as Milvus
    JsonNode params = params(kv.get("params"));
    switch (strategy) {
      case "rrf": {
        double k = params.has("k") ? params.get("k").asDouble(Double.NaN) : DEFAULT_RRF_K;
        if (!(k > 0 && k < SearchRpcs.MAX_TOPK)) {
          throw new MilvusException(MilvusException.UNEXPECTED, "The rank params k should be in range (0, 16384)");
        }
        return new HybridRank(limit, offset, round, (float) k, null, false);
      }
      case "weighted":
        return new HybridRank(limit, offset, round, Float.NaN, weights(params, subRequests),
            params.has("norm_score") && params.get("norm_score").asBoolean());
      default:
        throw new MilvusException(MilvusException.UNEXPECTED, "unsupported rank type " + strategy);
    }
  }

  private static JsonNode params(String text) {
    try {
      JsonNode node = JSON.readTree(text == null || text.isBlank() ? "{}" : text);
      return node == null || !node.isObject() ? JSON.createObjectNode() : node;
    } catch (java.io.IOException e) {
      throw MilvusException.invalid("rank params is not a JSON object: " + text);
    }
  }

  private static float[] weights(JsonNode params, int subRequests) {
    JsonNode w = params.get("weights");
    if (w == null || !w.isArray() || w.isEmpty()) {
      throw new MilvusException(MilvusException.UNEXPECTED, "weights not found");
    }
    float[] out = new float[w.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) w.get(i).asDouble(Double.NaN);
      if (!(out[i] >= 0 && out[i] <= 1)) {
        throw new MilvusException(MilvusException.UNEXPECTED, "rank param weight should be in range [0, 1]");
      }
    }
    if (out.length != subRequests) {
      throw MilvusException.invalid("the length of weights param mismatch with ann search requests[expected="
          + subRequests + "][actual=" + out.length + "]");
    }
    return out;
  }

  /**
   * Fuses one query's sub-search hits: each key's score is the sum over the sub-searches that found it;
   * best first (larger first, except for an unnormalised weighted fusion of distances only), ties by the
   * smaller key; then offset, limit and round_decimal. Returns the keys and their scores.
   */
  Hits fuse(List<Hits> subs, List<VectorMetric> metrics) {
    Map<Object, Float> scores = new LinkedHashMap<>();
    boolean larger = metrics.stream().allMatch(VectorMetric::largerIsBetter);
    boolean mixed = !larger && metrics.stream().anyMatch(VectorMetric::largerIsBetter);
    for (int s = 0; s < subs.size(); s++) {
      Hits h = subs.get(s);
      for (int i = 0; i < h.keys().size(); i++) {
        float score = Float.isNaN(k) ? weights[s] * normalise(h.scores()[i], metrics.get(s), mixed)
            : 1f / (k + (float) (i + 1));
        scores.merge(h.keys().get(i), score, Float::sum);
      }
    }
    boolean descending = !Float.isNaN(k) || normScore || mixed || larger;
    List<Object> keys = new ArrayList<>(scores.keySet());
    Comparator<Object> byScore = Comparator.comparing(scores::get);
    keys.sort((descending ? byScore.reversed() : byScore).thenComparing(HybridRank::compareKeys));
    int end = Math.min(keys.size(), offset + limit);
    List<Object> out = new ArrayList<>(keys.subList(Math.min(offset, end), end));
    float[] outScores = new float[out.size()];
    for (int i = 0; i < outScores.length; i++) {
      outScores[i] = round(scores.get(out.get(i)));
    }
    return new Hits(out, outScores);
  }

  /**
   * getNormalizeFunc: with norm_score COSINE (1 + d) / 2, IP 0.5 + atan(d) / π, L2 1 - 2 atan(d) / π;
   * without it scores are summed as they are, unless similarities and distances are mixed, when L2
   * distances are turned into the same larger-is-better scale (1 - 2 atan(d) / π).
   */
  private float normalise(float d, VectorMetric metric, boolean mixed) {
    if (!normScore) {
      return mixed && !metric.largerIsBetter() ? 1f - 2f * (float) Math.atan(d) / (float) Math.PI : d;
    }
    switch (metric) {
      case COSINE:
        return (1 + d) * 0.5f;
      case IP:
        return 0.5f + (float) Math.atan(d) / (float) Math.PI;
      default:
        return 1f - 2f * (float) Math.atan(d) / (float) Math.PI;
    }
  }

  private float round(float score) {
    if (roundDecimal == -1) {
      return score;
    }
    double multiplier = Math.pow(10.0, roundDecimal);
    return (float) (Math.floor(score * multiplier + 0.5) / multiplier);
  }

  @SuppressWarnings("unchecked")
  private static int compareKeys(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }
}
