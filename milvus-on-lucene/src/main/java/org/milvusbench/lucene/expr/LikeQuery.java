package org.milvusbench.lucene.expr;

import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.milvusbench.expr.FilterException;
import org.milvusbench.expr.Literal.StringLiteral;

/**
 * Milvus {@code like} on a VARCHAR field: {@code %} matches any sequence, {@code _} exactly one
 * character, and a backslash makes the next character literal ({@code 50\%}). The cheapest Lucene
 * query that means the same is chosen, as Milvus's planner does: no wildcard is an exact term,
 * a literal followed only by {@code %} is a {@link PrefixQuery} (a seek in the terms dictionary),
 * anything else a {@link WildcardQuery}, whose own specials {@code * ? \} are escaped.
 */
final class LikeQuery {
  private static final char ANY = '%';
  private static final char ONE = '_';
  private static final char ESCAPE = '\\';

  private LikeQuery() {}

  static Query of(String field, StringLiteral pattern) {
    String p = pattern.value();
    StringBuilder literal = new StringBuilder();
    StringBuilder wildcard = new StringBuilder();
    // A prefix query when no _ occurs and no literal character follows a %.
    boolean onlyTrailingAny = true;
    boolean anyWildcard = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == ANY || c == ONE) {
        anyWildcard = true;
        onlyTrailingAny &= c == ANY;
        wildcard.append(c == ANY ? WildcardQuery.WILDCARD_STRING : WildcardQuery.WILDCARD_CHAR);
        continue;
      }
      if (c == ESCAPE && i + 1 < p.length()) {
        c = p.charAt(++i);
      }
      if (anyWildcard) {
        onlyTrailingAny = false;
      } else {
        literal.append(c);
      }
      if (c == WildcardQuery.WILDCARD_STRING || c == WildcardQuery.WILDCARD_CHAR
          || c == WildcardQuery.WILDCARD_ESCAPE) {
        wildcard.append(WildcardQuery.WILDCARD_ESCAPE);
      }
      wildcard.append(c);
    }
    if (!anyWildcard) {
      return KeywordField.newExactQuery(field, literal.toString());
    }
    if (onlyTrailingAny) {
      return new PrefixQuery(new Term(field, literal.toString()));
    }
    try {
      return new WildcardQuery(new Term(field, wildcard.toString()));
    } catch (TooComplexToDeterminizeException e) {
      throw new FilterException("like pattern \"" + p + "\" is too complex", pattern.position());
    }
  }
}
