package org.milvusbench.lucene.rpc;

import io.milvus.grpc.KeyValuePair;
import java.util.List;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.Collection;

/**
 * The iterator flags of a query or search, read from the top-level key-value pairs as Milvus's proxy
 * reads them (internal/proxy/task_query.go parseQueryParams, search_util.go parseSearchInfo).
 */
final class IteratorParams {
  static final String ITERATOR = "iterator";
  static final String REDUCE_STOP_FOR_BEST = "reduce_stop_for_best";
  static final String COLLECTION_ID = "collection_id";

  private IteratorParams() {}

  /**
   * Whether a query is an iterator's. {@code reduce_stop_for_best} lets Milvus stop merging shards at
   * the first exhausted one; with one sorted index here every page is already the exact next one.
   */
  static boolean queryIterator(List<KeyValuePair> params, Collection c) {
    String reduce = value(params, REDUCE_STOP_FOR_BEST);
    if (reduce != null) {
      goBool(reduce, "value for reduce_stop_for_best is invalid");
    }
    String iterator = value(params, ITERATOR);
    boolean isIterator = iterator != null && goBool(iterator, "value for iterator field is invalid");
    checkCollectionId(params, c);
    return isIterator;
  }

  /** A search is an iterator's when {@code iterator} is "True" or "true" (parseSearchInfo compares text). */
  static boolean searchIterator(List<KeyValuePair> params, Collection c) {
    String iterator = value(params, ITERATOR);
    checkCollectionId(params, c);
    return "True".equals(iterator) || "true".equals(iterator);
  }

  /** The SDKs send the id they described, so a request that reaches another collection (alias moved) fails. */
  private static void checkCollectionId(List<KeyValuePair> params, Collection c) {
    String text = value(params, COLLECTION_ID);
    if (text == null) {
      return;
    }
    long id;
    try {
      id = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw MilvusException.invalid("value for collection id is invalid[expected=int value for collection_id]"
          + "[actual=" + text + "]");
    }
    if (id > 0 && id != c.state().collectionId()) {
      throw MilvusException.invalid("Input collection id is not consistent to collectionID in the context,"
          + "alias or database may have changed");
    }
  }

  /** Go's strconv.ParseBool, which Milvus uses for these flags. */
  static boolean goBool(String text, String error) {
    switch (text) {
      case "1", "t", "T", "TRUE", "true", "True":
        return true;
      case "0", "f", "F", "FALSE", "false", "False":
        return false;
      default:
        throw MilvusException.invalid(error + "[expected=true or false][actual=" + text + "]");
    }
  }

  static String value(List<KeyValuePair> params, String key) {
    for (KeyValuePair kv : params) {
      if (kv.getKey().equals(key)) {
        return kv.getValue();
      }
    }
    return null;
  }
}
