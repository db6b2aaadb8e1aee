package org.milvusbench.lucene.store;

/** Which Milvus values (L2 squared distance, IP / COSINE similarity) an exact search keeps. */
@FunctionalInterface
public interface ValueFilter {
  boolean accepts(float value);
}
