package org.milvusbench.lucene.store;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.CollectionState.PartitionJson;

/**
 * How partitions live in one Lucene index: a row of partition {@code p} carries the keyword
 * {@link #FIELD} = p's id, except rows of {@code _default}, which carry none (so indexes written before
 * partitions existed are all {@code _default}). A read or write restricted to partitions is a filter on
 * that field. Names and limits are Milvus's (proxy validatePartitionTag, rootCoord.maxPartitionNum).
 */
public final class Partitions {
  public static final String DEFAULT = "_default";
  /** The partition id of a row; "$" keeps it apart from every legal field name. */
  static final String FIELD = "$partition";
  /** Milvus's rootCoord.maxPartitionNum default. */
  public static final int MAX_PARTITIONS = 1024;
  private static final int MAX_NAME_LENGTH = 255;

  private Partitions() {}

  /** Milvus's partition name rule; 1100 naming what is wrong. */
  public static void checkName(String name) {
    String n = name.trim();
    String invalid = "Invalid partition name: " + n + ". ";
    if (n.isEmpty()) {
      throw MilvusException.invalid(invalid + "Partition name should not be empty.");
    }
    if (n.length() > MAX_NAME_LENGTH) {
      throw MilvusException.invalid(invalid + "The length of a partition name must be less than " + MAX_NAME_LENGTH
          + " characters.");
    }
    char first = n.charAt(0);
    if (first != '_' && !Character.isLetterOrDigit(first)) {
      throw MilvusException.invalid(invalid + "The first character of a partition name must be an underscore or letter.");
    }
    for (char c : n.toCharArray()) {
      if (c != '_' && !(c < 128 && Character.isLetterOrDigit(c))) {
        throw MilvusException.invalid(invalid + "Partition name can only contain numbers, letters and underscores.");
      }
    }
  }

  /** merr.WrapErrPartitionNotFound. */
  public static MilvusException notFound(String name) {
    return new MilvusException(MilvusException.PARTITION_NOT_FOUND, "partition not found[partition=" + name + "]");
  }

  /** merr.WrapErrPartitionNotLoaded. */
  public static MilvusException notLoaded(String name) {
    return new MilvusException(MilvusException.PARTITION_NOT_LOADED, "partition not loaded[partition=" + name + "]");
  }

  /** The value of {@link #FIELD} for a row of {@code p}, or null for {@code _default}. */
  static String term(PartitionJson p) {
    return p.name().equals(DEFAULT) ? null : Long.toString(p.id());
  }

  static KeywordField field(String term) {
    return new KeywordField(FIELD, term, org.apache.lucene.document.Field.Store.NO);
  }

  /** Rows of the given partitions. */
  static Query rowsOf(List<PartitionJson> partitions) {
    if (partitions.isEmpty()) {
      return new MatchNoDocsQuery("no partition");
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (PartitionJson p : partitions) {
      String term = term(p);
      if (term == null) {
        any.add(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
            .add(new FieldExistsQuery(FIELD), Occur.MUST_NOT).build(), Occur.SHOULD);
      } else {
        any.add(new TermQuery(new Term(FIELD, term)), Occur.SHOULD);
      }
    }
    return any.build();
  }

  /** {@code filter} restricted to {@code restriction}; either may be null (none). */
  public static Query and(Query filter, Query restriction) {
    if (restriction == null) {
      return filter;
    }
    if (filter == null) {
      return restriction;
    }
    return new BooleanQuery.Builder().add(filter, Occur.FILTER).add(restriction, Occur.FILTER).build();
  }

  /**
   * The partitions a search or query names: like Milvus's proxy (getPartitionIDs) each name is a
   * pattern matched against the whole partition name; one matching nothing is "partition not found".
   */
  static List<PartitionJson> matching(List<PartitionJson> all, List<String> names) {
    List<PartitionJson> out = new ArrayList<>();
    for (String name : names) {
      Pattern pattern;
      try {
        pattern = Pattern.compile(name);
      } catch (PatternSyntaxException e) {
        throw MilvusException.invalid("invalid partition: " + name);
      }
      boolean found = false;
      for (PartitionJson p : all) {
        if (pattern.matcher(p.name()).matches()) {
          found = true;
          if (!out.contains(p)) {
            out.add(p);
          }
        }
      }
      if (!found) {
        throw notFound(name);
      }
    }
    return out;
  }
}
