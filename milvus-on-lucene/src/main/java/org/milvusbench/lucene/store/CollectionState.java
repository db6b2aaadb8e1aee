package org.milvusbench.lucene.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The small JSON file ({@code state.json}) next to a collection's Lucene directories: the schema as
 * Milvus sent it (protobuf, base64), which Lucene directory is current, the HNSW graph it holds and the
 * user-visible index, and whether it is loaded. Written atomically (temp file + move) whenever one of
 * them changes. Like Milvus (whose coordinator keeps load state in etcd), a collection that was loaded
 * is loaded again after a restart, and a released one stays released.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // a data directory written by a newer version still opens
public record CollectionState(
    String name,
    long collectionId,
    long createdMillis,
    String schemaBase64,
    int consistencyLevel,
    String indexDir,
    GraphJson graph,
    IndexJson index,
    Boolean loaded,
    List<PartitionJson> partitions,
    PendingBuildJson build,
    Map<String, VectorIndexJson> extraVectors,
    List<PendingBuildJson> queuedBuilds) {

  static final String FILE = "state.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** JSON form of {@link GraphSpec}. */
  public record GraphJson(String metric, int m, int efConstruction) {
    GraphSpec spec() {
      return new GraphSpec(VectorMetric.valueOf(metric), m, efConstruction);
    }

    static GraphJson of(GraphSpec g) {
      return g == null ? null : new GraphJson(g.metric().name(), g.m(), g.efConstruction());
    }
  }

  /**
   * A graph build that CreateIndex accepted and that has not published yet: the directory it fills, the
   * graph and the index it will publish, and the raw index's segments it copies ({@code source}, null
   * until the build has taken its snapshot). A restart resumes it ({@link GraphBuild}), as Milvus's
   * coordinator, which keeps index tasks in its meta store, goes on with unfinished index tasks.
   */
  public record PendingBuildJson(String indexDir, GraphJson graph, IndexJson index, List<SegmentJson> source) {
    PendingBuildJson withSource(List<SegmentJson> value) {
      return new PendingBuildJson(indexDir, graph, index, value == null ? null : List.copyOf(value));
    }
  }

  /**
   * The graph and index of a vector field other than the schema's first (whose are {@link #graph} and
   * {@link #index}, as in files written before collections had several vector fields); either may be null.
   */
  public record VectorIndexJson(GraphJson graph, IndexJson index) {}

  /** A raw segment a build copies: Lucene's name and id (hex), doc ids and deleted docs ({@link SourceSegments}). */
  public record SegmentJson(String name, String id, int maxDoc, int deleted) {}

  /** The index as the client created it: name, field, id and its parameters echoed back by DescribeIndex. */
  public record IndexJson(String indexName, String fieldName, long indexId, Map<String, String> params) {}

  /**
   * A partition: its name, id, creation time and whether it was loaded on its own (LoadPartitions); a
   * collection loaded as a whole ({@link #loaded}) has every partition loaded, also those created later.
   */
  public record PartitionJson(String name, long id, long createdMillis, Boolean loaded) {
    boolean wasLoaded() {
      return Boolean.TRUE.equals(loaded);
    }

    PartitionJson withLoaded(boolean value) {
      return new PartitionJson(name, id, createdMillis, value);
    }
  }

  CollectionState withIndexDir(String dir, GraphSpec g) {
    return new CollectionState(name, collectionId, createdMillis, schemaBase64, consistencyLevel, dir,
        GraphJson.of(g), index, loaded, partitions, build, extraVectors, queuedBuilds);
  }

  CollectionState withIndex(IndexJson i) {
    return new CollectionState(name, collectionId, createdMillis, schemaBase64, consistencyLevel, indexDir, graph, i,
        loaded, partitions, build, extraVectors, queuedBuilds);
  }

  CollectionState withLoaded(boolean value) {
    return new CollectionState(name, collectionId, createdMillis, schemaBase64, consistencyLevel, indexDir, graph,
        index, value, partitions, build, extraVectors, queuedBuilds);
  }

  CollectionState withPartitions(List<PartitionJson> value) {
    return new CollectionState(name, collectionId, createdMillis, schemaBase64, consistencyLevel, indexDir, graph,
        index, loaded, List.copyOf(value), build, extraVectors, queuedBuilds);
  }

  /** This index state with {@code current}'s load flags and partitions. */
  CollectionState withLoadAndPartitionsOf(CollectionState current) {
    return new CollectionState(name, collectionId, createdMillis, schemaBase64, consistencyLevel, indexDir, graph,
        index, current.loaded, current.partitions, build, extraVectors, queuedBuilds);
  }

  /** This state with the pending graph build {@code b} (null: none). */
  CollectionState withBuild(PendingBuildJson b) {
    return new CollectionState(name, collectionId, createdMillis, schemaBase64, consistencyLevel, indexDir, graph,
        index, loaded, partitions, b, extraVectors, queuedBuilds);
  }

  /** The vector fields after the first: their graphs and indexes (none for a collection of one vector field). */
  Map<String, VectorIndexJson> extraVectorsOrEmpty() {
    return extraVectors == null ? Map.of() : extraVectors;
  }

  /** The index of field {@code field} (the first vector field's is {@link #index}), or null. */
  public IndexJson indexOf(String field) {
    if (index != null && index.fieldName().equals(field)) {
      return index;
    }
    VectorIndexJson v = extraVectorsOrEmpty().get(field);
    return v == null ? null : v.index();
  }

  /** Every index, the first vector field's first. */
  public List<IndexJson> allIndexes() {
    List<IndexJson> out = new java.util.ArrayList<>();
    if (index != null) {
      out.add(index);
    }
    extraVectorsOrEmpty().values().stream().map(VectorIndexJson::index).filter(java.util.Objects::nonNull).forEach(out::add);
    return out;
  }

  /** This state with a vector field after the first holding {@code graph} and {@code i} (either null: none). */
  CollectionState withExtraVector(String field, GraphSpec graph, IndexJson i) {
    Map<String, VectorIndexJson> map = new java.util.TreeMap<>(extraVectorsOrEmpty());
    map.put(field, new VectorIndexJson(GraphJson.of(graph), i));
    return new CollectionState(name, collectionId, createdMillis, schemaBase64, consistencyLevel, indexDir, graph(),
        index, loaded, partitions, build, map, queuedBuilds);
  }

  /**
   * Graph builds CreateIndex accepted while another build ran (each vector field may get its index while
   * another field's graph is being built, as in Milvus): started in order, each when the one before ends.
   */
  public List<PendingBuildJson> queuedOrEmpty() {
    return queuedBuilds == null ? List.of() : queuedBuilds;
  }

  CollectionState withQueued(List<PendingBuildJson> value) {
    return new CollectionState(name, collectionId, createdMillis, schemaBase64, consistencyLevel, indexDir, graph,
        index, loaded, partitions, build, extraVectors, value.isEmpty() ? null : List.copyOf(value));
  }

  /** Loaded as a whole when the collection was last left so (absent in files of older versions: released). */
  boolean wasLoaded() {
    return Boolean.TRUE.equals(loaded);
  }

  /**
   * The partitions in creation order, {@code _default} first (its id is the collection's). Files written
   * before partitions existed list none: they have only {@code _default}.
   */
  public List<PartitionJson> partitionList() {
    return partitions != null ? partitions
        : List.of(new PartitionJson(Partitions.DEFAULT, collectionId, createdMillis, null));
  }

  static CollectionState read(Path collectionDir) throws IOException {
    return JSON.readValue(collectionDir.resolve(FILE).toFile(), CollectionState.class);
  }

  void write(Path collectionDir) throws IOException {
    Path tmp = collectionDir.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, collectionDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
