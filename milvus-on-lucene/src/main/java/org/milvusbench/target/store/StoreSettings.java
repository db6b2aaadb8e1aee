package org.milvusbench.target.store;

import java.util.concurrent.ExecutorService;

/**
 * Tuning shared by all collections: Lucene RAM buffer, threads that build HNSW graphs concurrently
 * (each fills its own segment), merge workers, and the executors.
 */
public record StoreSettings(double ramBufferMb, int maxSegmentRows, int buildThreads, int mergeWorkers,
    ExecutorService buildExecutor, ExecutorService mergeExecutor, ExecutorService searchExecutor) {}
