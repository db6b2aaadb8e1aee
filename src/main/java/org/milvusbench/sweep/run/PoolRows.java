package org.milvusbench.sweep.run;

import io.milvus.grpc.FieldData;
import java.util.List;
import org.milvusbench.gatling.core.RowSource;

/**
 * Rows for a mixed level's upserts: the oldest keys this run wrote, each with a fresh row of
 * data-prep's dataset as its new content.
 */
final class PoolRows extends RowSource {
  private final CollectionWrites writes;

  PoolRows(CollectionWrites writes) {
    this.writes = writes;
  }

  @Override
  public List<FieldData> next(int rows) {
    long[] keys = writes.keys().take(rows);
    if (keys.length < rows) {
      writes.keys().add(keys);
      throw new IllegalStateException("only " + keys.length + " rows of this run left to upsert, a batch is " + rows
          + " (sweep.mix upserts and deletes faster than it inserts)");
    }
    return writes.rows().nextWithKeys(keys);
  }
}
