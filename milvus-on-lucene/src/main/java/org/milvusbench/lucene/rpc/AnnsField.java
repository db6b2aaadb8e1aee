package org.milvusbench.lucene.rpc;

import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.SchemaView;

/** Which vector field a search runs on: its {@code anns_field}, as Milvus's proxy chooses it. */
final class AnnsField {
  private AnnsField() {}

  /**
   * The named field, which must be one of the collection's vector fields; without a name the only vector
   * field, and with several Milvus's proxy refuses (internal/proxy/task_search.go: a plain error, hence
   * 65535, "multiple anns_fields exist, please specify a anns_field in search_params").
   */
  static String resolve(String annsField, SchemaView schema) {
    if (annsField.isEmpty()) {
      if (schema.multiVector()) {
        throw new MilvusException(MilvusException.UNEXPECTED,
            "multiple anns_fields exist, please specify a anns_field in search_params");
      }
      return schema.vectorName();
    }
    if (annsField.equals(schema.vectorName())) {
      return schema.vectorName();
    }
    if (schema.dim(annsField) < 0) {
      throw MilvusException.fieldNotFound(annsField, "failed to get field schema by name: fieldName("
          + annsField + ") not found; the vector fields are " + schema.vectorFields().stream()
              .map(io.milvus.grpc.FieldSchema::getName).toList());
    }
    return annsField;
  }
}
