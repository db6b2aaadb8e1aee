package org.milvusbench.lucene.store;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * Lucene's default codec with the HNSW parameters of the Milvus index: {@code maxConn = M},
 * {@code beamWidth = efConstruction}. The parameters are not recorded in the segment (only the format
 * name is), so indexes open with the default codec; merges in this writer use {@code mergeWorkers} threads.
 */
final class HnswCodec extends Lucene912Codec {
  private final VectorGraphs graphs;
  private final int mergeWorkers;
  private final ExecutorService mergeExecutor;
  /** One format per field (each vector field has its own M / efConstruction); fields without a graph share the default. */
  private final Map<String, KnnVectorsFormat> formats = new HashMap<>();
  private final KnnVectorsFormat defaultFormat = new Lucene99HnswVectorsFormat();

  HnswCodec(VectorGraphs graphs, int mergeWorkers, ExecutorService mergeExecutor) {
    this.graphs = graphs;
    this.mergeWorkers = mergeWorkers;
    this.mergeExecutor = mergeExecutor;
  }

  @Override
  public synchronized KnnVectorsFormat getKnnVectorsFormatForField(String field) {
    GraphSpec graph = graphs.of(field);
    if (graph == null) {
      return defaultFormat;
    }
    return formats.computeIfAbsent(field, f -> new Lucene99HnswVectorsFormat(graph.m(), graph.efConstruction(),
        mergeWorkers, mergeWorkers > 1 ? mergeExecutor : null));
  }
}
