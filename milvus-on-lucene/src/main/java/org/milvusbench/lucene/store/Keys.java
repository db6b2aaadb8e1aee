package org.milvusbench.lucene.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * Primary keys of a batch of rows or of search hits, in the schema's key type. Int64 keys stay a
 * {@code long[]} (search hits read them from a per-segment cache, unboxed); VarChar keys are strings.
 */
public sealed interface Keys {
  int size();

  /** Key {@code i} as a Long or a String (for building documents; not for the search path). */
  Object get(int i);

  /** The rows holding any of these keys, in the encoding {@link DocCodec} indexes the key with. */
  Query rowsWithAny(String field);

  record Longs(long[] values) implements Keys {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Object get(int i) {
      return values[i];
    }

    @Override
    public Query rowsWithAny(String field) {
      return LongField.newSetQuery(field, values);
    }
  }

  record Strings(String[] values) implements Keys {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Object get(int i) {
      return values[i];
    }

    @Override
    public Query rowsWithAny(String field) {
      List<BytesRef> terms = new ArrayList<>(values.length);
      for (String v : values) {
        terms.add(new BytesRef(v));
      }
      return KeywordField.newSetQuery(field, terms);
    }
  }
}
