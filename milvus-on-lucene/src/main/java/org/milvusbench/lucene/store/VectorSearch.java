package org.milvusbench.lucene.store;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.PriorityQueue;

/**
 * k-nearest-neighbour search of one query vector: Lucene HNSW ({@link KnnFloatVectorQuery}, segments
 * searched concurrently by the searcher's executor, exact fallback when a filter is very selective) or
 * brute force over every row (no graph yet, FLAT index). Results are best-first in Milvus's values.
 */
public final class VectorSearch {
  private VectorSearch() {}

  /** Hits as global doc ids and Milvus distance/similarity values, best first. */
  public record Hits(int[] docs, float[] values) {}

  /**
   * @param ef HNSW candidate list size (Milvus {@code ef}); Lucene's k, at least {@code k}
   * @param filter null for none
   */
  public static Hits graph(IndexSearcher searcher, String field, float[] query, int k, int ef, Query filter,
      VectorMetric metric) throws IOException {
    TopDocs top = searcher.search(new KnnFloatVectorQuery(field, query, Math.max(k, ef), filter), k);
    ScoreDoc[] sd = top.scoreDocs;
    int[] docs = new int[sd.length];
    float[] values = new float[sd.length];
    for (int i = 0; i < sd.length; i++) {
      docs[i] = sd[i].doc;
      values[i] = metric.fromLuceneScore(sd[i].score);
    }
    return new Hits(docs, values);
  }

  /** The filter prepared for {@link #exact}, once per request rather than once per query vector; null for none. */
  public static Weight filterWeight(IndexSearcher searcher, Query filter) throws IOException {
    return filter == null ? null : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }

  /** Exact search: every live row matching the filter ({@link #filterWeight}; null = all) is scored. */
  public static Hits exact(IndexSearcher searcher, SchemaView schema, float[] query, int k, Weight weight,
      VectorMetric metric) throws IOException {
    return exact(searcher, schema, query, k, weight, metric, null);
  }

  /** The same keeping only rows whose value {@code keep} accepts (null: every row): a range search, an iterator's batch. */
  public static Hits exact(IndexSearcher searcher, SchemaView schema, float[] query, int k, Weight weight,
      VectorMetric metric, ValueFilter keep) throws IOException {
    return exact(searcher, schema, schema.vectorName(), query, k, weight, metric, keep);
  }

  /** The same on vector field {@code field} (a collection may have several). */
  public static Hits exact(IndexSearcher searcher, SchemaView schema, String field, float[] query, int k, Weight weight,
      VectorMetric metric, ValueFilter keep) throws IOException {
    HitQueue queue = new HitQueue(k);
    float[] vector = new float[schema.dim(field)];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (LeafReaderContext leaf : leaves) {
      DocIdSetIterator it;
      if (weight == null) {
        it = DocIdSetIterator.all(leaf.reader().maxDoc());
      } else {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        it = scorer.iterator();
      }
      Bits live = leaf.reader().getLiveDocs();
      LeafValues values = new LeafValues(leaf.reader(), schema);
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        values.vector(field, doc, vector);
        float value = metric.compute(query, vector);
        if (keep != null && !keep.accepts(value)) {
          continue;
        }
        queue.insertWithOverflow(new ScoreDoc(leaf.docBase + doc, metric.rankKey(value)));
      }
    }
    int n = queue.size();
    int[] docs = new int[n];
    float[] out = new float[n];
    for (int i = n - 1; i >= 0; i--) {
      ScoreDoc sd = queue.pop();
      docs[i] = sd.doc;
      out[i] = metric.largerIsBetter() ? sd.score : -sd.score;
    }
    return new Hits(docs, out);
  }

  /** Keeps the k largest rank keys; ties broken by lower doc id. */
  private static final class HitQueue extends PriorityQueue<ScoreDoc> {
    HitQueue(int k) {
      super(k);
    }

    @Override
    protected boolean lessThan(ScoreDoc a, ScoreDoc b) {
      return a.score == b.score ? a.doc > b.doc : a.score < b.score;
    }
  }
}
