package org.milvusbench.dataprep;

import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The collection shape data-prep builds — the reference script's: {@code id} INT64 primary auto_id,
 * {@code embedding} FLOAT_VECTOR(dim), {@code category} VARCHAR(10) — and the checks that an
 * existing collection and index have that shape, as a list of human-readable differences.
 */
final class CollectionSpec {
  static final String ID = "id";
  static final String VECTOR = "embedding";
  static final String CATEGORY = "category";
  static final int CATEGORY_MAX_LENGTH = 10;
  /** Collections made by data-prep carry this description prefix, then the data fingerprint. */
  static final String DESCRIPTION_PREFIX = "milvusbench data-prep: ";

  private CollectionSpec() {}

  /** The create request for {@code cfg}; {@code data} (the source fingerprint) goes in the description. */
  static CreateCollectionReq createRequest(DataPrepConfig cfg, String data) {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder()
        .enableDynamicField(false).build();
    schema.addField(AddFieldReq.builder().fieldName(ID).dataType(DataType.Int64).isPrimaryKey(true).autoID(true)
        .build());
    schema.addField(AddFieldReq.builder().fieldName(VECTOR).dataType(DataType.FloatVector).dimension(cfg.dim())
        .build());
    schema.addField(AddFieldReq.builder().fieldName(CATEGORY).dataType(DataType.VarChar)
        .maxLength(CATEGORY_MAX_LENGTH).build());
    return CreateCollectionReq.builder().databaseName(cfg.db()).collectionName(cfg.collection())
        .description(DESCRIPTION_PREFIX + data).collectionSchema(schema).build();
  }

  /** The vector index {@code cfg} asks for. */
  static IndexParam indexParam(DataPrepConfig cfg) {
    Map<String, Object> extra = new HashMap<>();
    extra.put("M", cfg.m());
    extra.put("efConstruction", cfg.efConstruction());
    return IndexParam.builder().fieldName(VECTOR).indexName(VECTOR)
        .indexType(IndexParam.IndexType.valueOf(cfg.indexType()))
        .metricType(IndexParam.MetricType.valueOf(cfg.metric())).extraParams(extra).build();
  }

  /** Short description of the requested index, e.g. {@code HNSW/L2/M=16/efConstruction=200}. */
  static String indexDescription(DataPrepConfig cfg) {
    return cfg.indexType() + "/" + cfg.metric() + "/M=" + cfg.m() + "/efConstruction=" + cfg.efConstruction();
  }

  /** Differences between an existing collection's schema and the one {@code cfg} asks for (empty = same). */
  static List<String> schemaDifferences(DescribeCollectionResp existing, DataPrepConfig cfg) {
    List<String> diffs = new ArrayList<>();
    Map<String, CreateCollectionReq.FieldSchema> fields = new HashMap<>();
    for (CreateCollectionReq.FieldSchema f : existing.getCollectionSchema().getFieldSchemaList()) {
      fields.put(f.getName(), f);
    }
    CreateCollectionReq.FieldSchema id = fields.remove(ID);
    if (id == null) {
      diffs.add("no field \"" + ID + "\" (expected INT64 primary key, auto_id)");
    } else {
      expect(diffs, ID, "type", id.getDataType(), DataType.Int64);
      expect(diffs, ID, "primary key", Boolean.TRUE.equals(id.getIsPrimaryKey()), true);
      expect(diffs, ID, "auto_id", Boolean.TRUE.equals(id.getAutoID()) || Boolean.TRUE.equals(existing.getAutoID()),
          true);
    }
    CreateCollectionReq.FieldSchema vec = fields.remove(VECTOR);
    if (vec == null) {
      diffs.add("no field \"" + VECTOR + "\" (expected FLOAT_VECTOR dim " + cfg.dim() + ")");
    } else {
      expect(diffs, VECTOR, "type", vec.getDataType(), DataType.FloatVector);
      expect(diffs, VECTOR, "dim", vec.getDimension(), cfg.dim());
    }
    CreateCollectionReq.FieldSchema cat = fields.remove(CATEGORY);
    if (cat == null) {
      diffs.add("no field \"" + CATEGORY + "\" (expected VARCHAR(" + CATEGORY_MAX_LENGTH + "))");
    } else {
      expect(diffs, CATEGORY, "type", cat.getDataType(), DataType.VarChar);
      expect(diffs, CATEGORY, "max_length", cat.getMaxLength(), CATEGORY_MAX_LENGTH);
    }
    for (String extra : fields.keySet()) {
      if (!extra.equals("$meta")) {
        diffs.add("unexpected field \"" + extra + "\" (" + fields.get(extra).getDataType() + ")");
      }
    }
    return diffs;
  }

  /** Differences between an existing vector index and the requested one (empty = same). */
  static List<String> indexDifferences(DescribeIndexResp.IndexDesc existing, DataPrepConfig cfg) {
    List<String> diffs = new ArrayList<>();
    expect(diffs, "index", "type", existing.getIndexType() == null ? null : existing.getIndexType().name(),
        cfg.indexType());
    expect(diffs, "index", "metric", existing.getMetricType() == null ? null : existing.getMetricType().name(),
        cfg.metric());
    Map<String, String> params = existing.getExtraParams() == null ? Map.of() : existing.getExtraParams();
    expectParam(diffs, params, "M", cfg.m());
    expectParam(diffs, params, "efConstruction", cfg.efConstruction());
    return diffs;
  }

  private static void expectParam(List<String> diffs, Map<String, String> params, String key, int wanted) {
    String v = params.get(key);
    if (v == null) {
      diffs.add("index: " + key + " not reported by the server, requested " + wanted);
      return;
    }
    try {
      if ((int) Double.parseDouble(v.trim()) != wanted) {
        diffs.add("index: " + key + " is " + v + ", requested " + wanted);
      }
    } catch (NumberFormatException e) {
      diffs.add("index: " + key + " is \"" + v + "\", requested " + wanted);
    }
  }

  private static void expect(List<String> diffs, String field, String what, Object actual, Object wanted) {
    if (actual == null ? wanted != null : !actual.equals(wanted)) {
      diffs.add(field + ": " + what + " is " + actual + ", requested " + wanted);
    }
  }
}
