package org.milvusbench.lucene.store;

import java.util.HashMap;
import java.util.Map;

/**
 * The HNSW graph each vector field of one Lucene index holds (absent: the field's vectors are kept raw
 * and searched exactly). Lucene fixes a field's similarity per index, so every field has its own spec,
 * and building one field's graph rebuilds the index with the other fields' graphs unchanged
 * ({@link GraphBuild}). Immutable.
 */
public final class VectorGraphs {
  private static final VectorGraphs NONE = new VectorGraphs(Map.of());
  private final Map<String, GraphSpec> byField;

  private VectorGraphs(Map<String, GraphSpec> byField) {
    this.byField = byField;
  }

  static VectorGraphs none() {
    return NONE;
  }

  /** The graphs {@code state} records: its {@code graph} is the first vector field's, the others are in {@code extraVectors}. */
  static VectorGraphs of(CollectionState state, SchemaView schema) {
    Map<String, GraphSpec> map = new HashMap<>();
    if (state.graph() != null) {
      map.put(schema.vectorName(), state.graph().spec());
    }
    state.extraVectorsOrEmpty().forEach((field, v) -> {
      if (v.graph() != null) {
        map.put(field, v.graph().spec());
      }
    });
    return new VectorGraphs(Map.copyOf(map));
  }

  /** The field's graph, or null (raw vectors). */
  public GraphSpec of(String field) {
    return byField.get(field);
  }

  /** Whether any field has a graph (inserts then build HNSW and are worth spreading over threads). */
  boolean any() {
    return !byField.isEmpty();
  }

  VectorGraphs with(String field, GraphSpec spec) {
    Map<String, GraphSpec> map = new HashMap<>(byField);
    map.put(field, spec);
    return new VectorGraphs(Map.copyOf(map));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorGraphs g && g.byField.equals(byField);
  }

  @Override
  public int hashCode() {
    return byField.hashCode();
  }

  @Override
  public String toString() {
    return byField.toString();
  }
}
