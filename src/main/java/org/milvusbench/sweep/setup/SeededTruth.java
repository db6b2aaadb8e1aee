package org.milvusbench.sweep.setup;

/**
 * The query pool's queries and their exact top-k over the seeded rows, with Milvus-style scores
 * (L2: squared distance, ascending; IP, COSINE: descending), parallel arrays by query index.
 */
public record SeededTruth(float[][] queries, long[][] ids, float[][] scores) {}
