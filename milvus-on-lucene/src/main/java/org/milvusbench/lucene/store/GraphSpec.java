package org.milvusbench.lucene.store;

/**
 * What the HNSW graph of a collection's vector field was built with. Lucene fixes a field's similarity
 * function for the life of an index, so a different metric means a rebuild; M and efConstruction are
 * codec parameters (see {@link HnswCodec}).
 */
public record GraphSpec(VectorMetric metric, int m, int efConstruction) {}
