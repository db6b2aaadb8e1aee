package org.milvusbench.lucene.store;

import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.KeyValuePair;
import java.util.List;
import java.util.Set;
import org.milvusbench.lucene.error.MilvusException;

/**
 * What CreateCollection may ask for that this server does not do, refused by name with Milvus's
 * "unsupported operation" (3000); default values are supported, and checked here as Milvus checks them. Each would otherwise be accepted and then answer differently from
 * Milvus (a nullable field whose every insert fails, an analyzer never applied, a TTL never
 * expiring), so refusing at create is the only honest answer. Checked only at create: a collection
 * already on disk keeps opening.
 */
public final class SchemaSupport {
  /** Type params that turn on text analysis, full-text match or BM25 input; none is implemented. */
  private static final List<String> ANALYZER_PARAMS = List.of("enable_analyzer", "enable_match", "analyzer_params",
      "multi_analyzer_params");
  private static final Set<DataType> VALUE_TYPES = Set.of(DataType.Bool, DataType.Int8, DataType.Int16,
      DataType.Int32, DataType.Int64, DataType.Float, DataType.Double, DataType.VarChar, DataType.JSON,
      DataType.Array, DataType.FloatVector);

  private SchemaSupport() {}

  public static void check(CollectionSchema schema, List<KeyValuePair> properties) {
    if (schema.getFunctionsCount() > 0) {
      refuse("functions (" + schema.getFunctions(0).getType() + " function " + schema.getFunctions(0).getName()
          + "): this server computes no field from another, so BM25 and embedding functions are not served");
    }
    if (schema.getStructArrayFieldsCount() > 0) {
      refuse("struct array fields (" + schema.getStructArrayFields(0).getName() + ")");
    }
    if (schema.getEnableNamespace()) {
      refuse("namespaces (enable_namespace)");
    }
    for (KeyValuePair p : properties) {
      checkProperty(p);
    }
    for (KeyValuePair p : schema.getPropertiesList()) {
      checkProperty(p);
    }
    for (FieldSchema f : schema.getFieldsList()) {
      if (!f.getIsDynamic()) {
        checkField(f);
      }
    }
  }

  private static void checkProperty(KeyValuePair p) {
    if (p.getKey().equals("collection.ttl.seconds")) {
      refuse("collection TTL (collection.ttl.seconds=" + p.getValue() + "): rows here never expire");
    }
  }

  private static void checkField(FieldSchema f) {
    String name = " (field " + f.getName() + ")";
    if (!VALUE_TYPES.contains(f.getDataType())) {
      refuse("data type " + f.getDataType() + name + "; supported: Int64 or VarChar primary key, FloatVector,"
          + " Int8-64, Float, Double, Bool, VarChar, JSON, Array");
    }
    if (f.getNullable()) {
      refuse("nullable fields" + name + ": every row has a value here (a default value may supply it)");
    }
    if (f.hasDefaultValue()) {
      DefaultValues.check(f);
    }
    if (f.getIsPartitionKey()) {
      refuse("partition key" + name + ": this server has only the _default partition");
    }
    if (f.getIsClusteringKey()) {
      refuse("clustering key" + name);
    }
    if (f.getIsFunctionOutput()) {
      refuse("function output fields" + name);
    }
    for (KeyValuePair p : f.getTypeParamsList()) {
      if (ANALYZER_PARAMS.contains(p.getKey()) && !p.getValue().equalsIgnoreCase("false")) {
        refuse("text analyzer and match (" + p.getKey() + " on field " + f.getName() + "): text_match and"
            + " BM25 are not served");
      }
    }
  }

  private static void refuse(String feature) {
    throw MilvusException.unsupported(feature);
  }
}
