package org.milvusbench.lucene.store;

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
  private final KnnVectorsFormat format;

  HnswCodec(GraphSpec graph, int mergeWorkers, ExecutorService mergeExecutor) {
    this.format = graph == null
        ? new Lucene99HnswVectorsFormat()
        : new Lucene99HnswVectorsFormat(graph.m(), graph.efConstruction(), mergeWorkers,
            mergeWorkers > 1 ? mergeExecutor : null);
  }

  @Override
  public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
    return format;
  }
}
