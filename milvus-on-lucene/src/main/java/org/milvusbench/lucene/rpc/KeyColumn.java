package org.milvusbench.lucene.rpc;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.IDs;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.StringArray;
import org.milvusbench.lucene.store.Keys;

/**
 * Primary keys gathered for a response, in Milvus's two shapes: the {@code IDs} message (int_id or
 * str_id by the key's type) and the key as an output column (the Node SDK reads ids from it).
 */
final class KeyColumn {
  private final LongArray.Builder longs = LongArray.newBuilder();
  private final StringArray.Builder strings = StringArray.newBuilder();
  private final boolean varchar;

  KeyColumn(FieldSchema primary) {
    this.varchar = primary.getDataType() == DataType.VarChar;
  }

  /** Appends the keys (the search path: Int64 keys are added unboxed). */
  void add(Keys keys) {
    if (keys instanceof Keys.Longs l) {
      for (long k : l.values()) {
        longs.addData(k);
      }
    } else {
      for (String k : ((Keys.Strings) keys).values()) {
        strings.addData(k);
      }
    }
  }

  IDs ids() {
    return varchar ? IDs.newBuilder().setStrId(strings).build() : IDs.newBuilder().setIntId(longs).build();
  }

  FieldData column(FieldSchema primary) {
    ScalarField.Builder values = varchar ? ScalarField.newBuilder().setStringData(strings)
        : ScalarField.newBuilder().setLongData(longs);
    return FieldData.newBuilder().setFieldName(primary.getName()).setType(primary.getDataType())
        .setFieldId(primary.getFieldID()).setScalars(values).build();
  }

  /** The IDs message of a write's keys. */
  static IDs ids(FieldSchema primary, Keys keys) {
    KeyColumn column = new KeyColumn(primary);
    column.add(keys);
    return column.ids();
  }
}
