package org.milvusbench.lucene.rpc;

import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.SearchIteratorV2Results;
import java.util.List;
import java.util.UUID;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.ValueFilter;
import org.milvusbench.lucene.store.VectorMetric;
import org.milvusbench.lucene.store.VectorRange;

/**
 * Search iterator v2 ({@code search_iter_v2}): each request asks for the next {@code search_iter_batch_size}
 * hits strictly beyond {@code search_iter_last_bound} (L2: larger distance, IP / COSINE: smaller
 * similarity), and the answer carries the token and the batch's last value as the next bound. Checks and
 * messages are Milvus's parseSearchIteratorV2Info (internal/proxy/search_util.go); the bound is strict
 * as in segcore's CachedSearchIterator::IsValid, so rows tying the bound across a batch boundary are not
 * returned, as in Milvus. Here the next batch is found by an exact scan (no graph state to cache
 * per token), so the hits are the true next ones, in order, at a cost that grows with the rows.
 *
 * @param lastBound null on the first request
 */
record SearchIteratorV2(String token, int batchSize, Float lastBound) {
  static final String V2 = "search_iter_v2";
  static final String ID = "search_iter_id";
  static final String BATCH_SIZE = "search_iter_batch_size";
  static final String LAST_BOUND = "search_iter_last_bound";

  /** The request's v2 iterator, or null when it asks for none; sets the search's topk to the batch size. */
  static SearchIteratorV2 parse(List<KeyValuePair> params, boolean iterator, SearchParams p) {
    String v2 = IteratorParams.value(params, V2);
    if (v2 == null || !parseBoolOrFalse(v2)) {
      return null;
    }
    if (!iterator) {
      throw failed("both iterator and search_iter_v2 must be set in the SDK");
    }
    if (p.offset > 0) {
      throw failed("Setting an offset is not permitted when using a search iterator v2: invalid parameter");
    }
    String token = IteratorParams.value(params, ID);
    if (token == null || token.isEmpty()) {
      token = UUID.randomUUID().toString();
    } else {
      try {
        UUID.fromString(token);
      } catch (IllegalArgumentException e) {
        throw failed("invalid token format");
      }
    }
    String batchText = IteratorParams.value(params, BATCH_SIZE);
    if (batchText == null || batchText.isEmpty()) {
      throw failed("batch size is required");
    }
    long batch;
    try {
      batch = Long.parseLong(batchText.trim());
    } catch (NumberFormatException e) {
      throw failed("batch size is invalid, strconv.ParseInt: parsing \"" + batchText + "\": invalid syntax");
    }
    if (batch < 1 || batch > SearchRpcs.MAX_TOPK) {
      throw failed("batch size is invalid, it should be in range [1, " + SearchRpcs.MAX_TOPK + "], but got " + batch);
    }
    Float bound = null;
    String boundText = IteratorParams.value(params, LAST_BOUND);
    if (boundText != null && !boundText.isEmpty()) {
      try {
        bound = Float.parseFloat(boundText.trim()); // float32, as Milvus parses it (ParseFloat(s, 32))
      } catch (NumberFormatException e) {
        throw failed("failed to parse input last bound, strconv.ParseFloat: parsing \"" + boundText
            + "\": invalid syntax");
      }
    }
    p.topK = (int) batch; // "for compatibility": Milvus's queryTopK becomes the batch size
    return new SearchIteratorV2(token, (int) batch, bound);
  }

  /** segcore: "Number of queries is greater than 1, cannot initialize iterator". */
  void checkQueries(int nq) {
    if (nq > 1) {
      throw new MilvusException(MilvusException.UNEXPECTED, "Number of queries is greater than 1, cannot initialize"
          + " iterator: a search iterator v2 takes one query vector, got " + nq);
    }
  }

  /** The rows this batch may return: beyond the last bound, and inside the range search's band if any. */
  ValueFilter keep(VectorRange range, VectorMetric metric) {
    if (lastBound == null) {
      return range;
    }
    float bound = lastBound;
    boolean largerIsBetter = metric.largerIsBetter();
    return value -> (largerIsBetter ? value < bound : value > bound) && (range == null || range.accepts(value));
  }

  /** The token and the next bound: the last hit's value, or the incoming bound when the batch is empty. */
  SearchIteratorV2Results results(io.milvus.grpc.SearchResultData.Builder data) {
    int n = data.getScoresCount();
    float last = n > 0 ? data.getScores(n - 1) : lastBound == null ? 0f : lastBound;
    return SearchIteratorV2Results.newBuilder().setToken(token).setLastBound(last).build();
  }

  private static boolean parseBoolOrFalse(String text) {
    try {
      return IteratorParams.goBool(text, V2);
    } catch (MilvusException e) {
      return false; // Milvus ignores a value ParseBool rejects: no v2 iterator
    }
  }

  private static MilvusException failed(String detail) {
    return new MilvusException(MilvusException.PARAMETER_INVALID, "parse iterator v2 info failed: " + detail);
  }
}
