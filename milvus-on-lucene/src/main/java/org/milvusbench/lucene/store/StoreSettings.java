package org.milvusbench.lucene.store;

import java.util.concurrent.ExecutorService;

/**
 * Tuning shared by all collections: Lucene RAM buffer, rows per segment for ordinary inserts
 * ({@code maxSegmentRows}, 0 = RAM buffer decides), threads that build HNSW graphs concurrently (each
 * fills its own segments), how many segments each build thread makes, merge workers, and the executors.
 */
public record StoreSettings(double ramBufferMb, int maxSegmentRows, int buildThreads, int segmentsPerBuildThread,
    int mergeWorkers,
    ExecutorService buildExecutor, ExecutorService mergeExecutor, ExecutorService searchExecutor) {}
