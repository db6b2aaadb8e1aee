package org.milvusbench.lucene.rpc;

import io.milvus.grpc.KeyValuePair;
import java.util.List;
import org.milvusbench.lucene.error.MilvusException;

/**
 * A query's {@code limit} / {@code offset}, read as Milvus's proxy does ({@code parseQueryParams} in
 * internal/proxy/task_query.go): without a limit the query is unlimited and an offset is ignored; with
 * one, offset ≥ 0, limit ≥ 1 and offset + limit ≤ 16384 (quotaAndLimits.maxQueryResultWindow).
 *
 * @param limit rows to return, or {@link #UNLIMITED}
 */
record QueryWindow(long limit, long offset) {
  static final long UNLIMITED = -1;
  static final int MAX_WINDOW = 16384;

  static QueryWindow of(List<KeyValuePair> params) {
    String limitText = value(params, "limit");
    if (limitText == null) {
      return new QueryWindow(UNLIMITED, 0);
    }
    long limit = parse("limit", limitText);
    String offsetText = value(params, "offset");
    long offset = offsetText == null ? 0 : parse("offset", offsetText);
    if (offset < 0) {
      throw invalidWindow("offset [" + offset + "] is invalid, should be gte than 0");
    }
    if (limit <= 0) {
      throw invalidWindow("limit [" + limit + "] is invalid, should be greater than 0");
    }
    if (limit > MAX_WINDOW - offset) { // offset + limit, without overflowing
      throw invalidWindow("(offset+limit) should be in range [1, " + MAX_WINDOW + "], but got " + (offset + limit));
    }
    return new QueryWindow(limit, offset);
  }

  boolean unlimited() {
    return limit == UNLIMITED;
  }

  private static MilvusException invalidWindow(String detail) {
    return MilvusException.invalid("invalid max query result window, " + detail);
  }

  private static String value(List<KeyValuePair> params, String key) {
    for (KeyValuePair kv : params) {
      if (kv.getKey().equals(key)) {
        return kv.getValue();
      }
    }
    return null;
  }

  private static long parse(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw MilvusException.invalid(key + " [" + value + "] is invalid");
    }
  }
}
