package org.milvusbench.lucene.rpc;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.expr.FilterException;
import org.milvusbench.lucene.expr.FilterParser;
import org.milvusbench.lucene.store.Collection;

/** Filter expression → Lucene query, with Milvus's error wording for a malformed expression. */
final class Filters {
  private Filters() {}

  /** The query for {@code expr}; a blank expression matches every row. */
  static Query compile(Collection c, String expr) {
    if (expr == null || expr.isBlank()) {
      return new MatchAllDocsQuery();
    }
    try {
      return FilterParser.parse(c.schema(), expr);
    } catch (FilterException e) {
      throw MilvusException.invalid("failed to create query plan: cannot parse expression: " + expr
          + ", error: " + e.getMessage());
    }
  }
}
