package org.milvusbench.lucene.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.CreateIndexRequest;
import io.milvus.grpc.DataType;
import io.milvus.grpc.DescribeIndexResponse;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.GetIndexBuildProgressResponse;
import io.milvus.grpc.GetIndexStateResponse;
import io.milvus.grpc.IndexDescription;
import io.milvus.grpc.IndexState;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.Status;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.CollectionState;
import org.milvusbench.lucene.store.Database;
import org.milvusbench.lucene.store.CollectionState.IndexJson;
import org.milvusbench.lucene.store.CollectionStore;
import org.milvusbench.lucene.store.GraphBuild;
import org.milvusbench.lucene.store.GraphSpec;
import org.milvusbench.lucene.store.SchemaView;
import org.milvusbench.lucene.store.VectorMetric;

/**
 * Create / describe / drop index and build state / progress. HNSW (and AUTOINDEX = HNSW with Lucene's
 * defaults) builds a Lucene HNSW graph asynchronously ({@link GraphBuild}); FLAT records the index and
 * searches exactly. Indexes on scalar fields are accepted and ignored (filters always use Lucene's
 * points / terms). Progress is real: rows already inserted into the new graph.
 */
final class IndexRpcs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CollectionStore store;

  IndexRpcs(CollectionStore store) {
    this.store = store;
  }

  Status create(Database db, CreateIndexRequest request) throws Exception {
    Collection c = db.get(request.getCollectionName());
    String fieldName = request.getFieldName().isEmpty() ? defaultField(c.schema()) : request.getFieldName();
    Map<String, String> params = flatten(request);
    FieldSchema field = c.schema().field(fieldName);
    refuseJsonIndex(c, fieldName, field, params);
    if (field == null) {
      throw MilvusException.fieldNotFound(fieldName, "cannot create index on non-exist field: " + fieldName);
    }
    if (field.getDataType() != DataType.FloatVector) {
      return Statuses.OK;
    }
    String type = params.getOrDefault("index_type", "AUTOINDEX").toUpperCase(Locale.ROOT);
    if (!type.equals("HNSW") && !type.equals("AUTOINDEX") && !type.equals("FLAT")) {
      throw new MilvusException(MilvusException.INDEX_NOT_SUPPORTED, "index type not supported[index_type=" + type
          + "]: this server supports HNSW, AUTOINDEX and FLAT");
    }
    params.put("index_type", type);
    VectorMetric metric = VectorMetric.parse(params.getOrDefault("metric_type", "COSINE"));
    params.put("metric_type", metric.name());
    boolean autoIndex = type.equals("AUTOINDEX");
    int m = intParam(params, "M", 16, 2, 512);
    int efConstruction = intParam(params, "efConstruction", autoIndex ? 100 : 200, 1, 3200);
    String indexName = request.getIndexName().isEmpty() ? fieldName : request.getIndexName();
    IndexJson index = new IndexJson(indexName, fieldName, store.newId(), params);

    synchronized (c) {
      IndexJson existing = indexOrPending(c, fieldName);
      if (existing != null) {
        if (existing.params().equals(params)) {
          return Statuses.OK;
        }
        throw MilvusException.invalid("CreateIndex failed: at most one distinct index is allowed per field,"
            + " existing index " + existing.indexName() + " has " + existing.params() + "; drop it first");
      }
      GraphSpec spec = new GraphSpec(metric, m, efConstruction);
      GraphBuild running = c.build();
      if (type.equals("FLAT") || spec.equals(c.graphs().of(fieldName))) {
        store.publishIndex(c, fieldName, index);
      } else if (running != null && running.state() == GraphBuild.State.IN_PROGRESS) {
        store.queueBuild(c, spec, index); // another field's graph is being built: this one follows
      } else {
        store.startBuild(c, spec, index);
      }
    }
    return Statuses.OK;
  }

  /** The field's published index, else the one being built or queued for it (as state.json has them), else null. */
  static IndexJson indexOrPending(Collection c, String field) {
    CollectionState s = c.state();
    IndexJson published = s.indexOf(field);
    if (published != null) {
      return published;
    }
    return pending(s).stream().filter(i -> i.fieldName().equals(field)).findFirst().orElse(null);
  }

  /** The indexes a build will publish: the pending build's, then the queued ones. */
  private static List<IndexJson> pending(CollectionState s) {
    List<IndexJson> out = new ArrayList<>();
    if (s.build() != null) {
      out.add(s.build().index());
    }
    s.queuedOrEmpty().forEach(q -> out.add(q.index()));
    return out;
  }

  /**
   * Milvus indexes a JSON field by path ({@code json_path}, {@code json_cast_type}); such an index here
   * would be accepted and never used nor listed, so it is refused (JSON paths are filterable without
   * one: every path is indexed at write time).
   */
  private static void refuseJsonIndex(Collection c, String fieldName, FieldSchema field, Map<String, String> params) {
    for (String key : new String[] {"json_path", "json_cast_type"}) {
      if (params.containsKey(key)) {
        throw MilvusException.unsupported("JSON path indexes (" + key + "=" + params.get(key) + " on field "
            + fieldName + "): every JSON path is filterable without an index");
      }
    }
    boolean dynamic = field == null && c.schema().dynamic() && fieldName.equals(SchemaView.DYNAMIC_FIELD);
    if (dynamic || (field != null && field.getDataType() == DataType.JSON)) {
      throw MilvusException.unsupported("indexes on JSON fields (field " + fieldName
          + "): every JSON path is filterable without an index");
    }
  }

  /** Milvus accepts parameters both as top-level pairs and inside a "params" JSON object. */
  private static Map<String, String> flatten(CreateIndexRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    for (KeyValuePair kv : request.getExtraParamsList()) {
      if (kv.getKey().equals("params")) {
        try {
          JsonNode node = JSON.readTree(kv.getValue().isEmpty() ? "{}" : kv.getValue());
          for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
          }
        } catch (Exception e) {
          throw MilvusException.invalid("index params is not a JSON object: " + kv.getValue());
        }
      } else {
        params.put(kv.getKey(), kv.getValue());
      }
    }
    return params;
  }

  private static int intParam(Map<String, String> params, String key, int dflt, int min, int max) {
    String text = params.get(key);
    if (text == null) {
      return dflt;
    }
    int v;
    try {
      v = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw MilvusException.invalid("param '" + key + "' (" + text + ") should be an integer");
    }
    if (v < min || v > max) {
      throw MilvusException.invalid("param '" + key + "' (" + v + ") should be in range [" + min + ", " + max + "]");
    }
    return v;
  }

  /**
   * Without a field name the only vector field; with several Milvus needs the name. (Milvus's own
   * message for this was not found; MilvusClientV2 and the Node SDK always send the field.)
   */
  private static String defaultField(SchemaView schema) {
    if (schema.multiVector()) {
      throw MilvusException.invalid("field name is required: the collection has several vector fields");
    }
    return schema.vectorName();
  }

  /**
   * The indexes to report, in field order: the published ones, and the one a running or failed build
   * would publish on a field that has none yet; only those named {@code indexName} / on {@code field}
   * when given. None is Milvus's 700.
   */
  private static List<IndexJson> visible(Collection c, String indexName, String field) {
    CollectionState s = c.state();
    List<IndexJson> all = new ArrayList<>(s.allIndexes());
    pending(s).stream().filter(i -> s.indexOf(i.fieldName()) == null).forEach(all::add);
    GraphBuild b = c.build();
    if (b != null && b.state() != GraphBuild.State.FINISHED && indexOrPending(c, b.index().fieldName()) == null) {
      all.add(b.index()); // a failed build's: reported Failed until the index is created again
    }
    all.removeIf(i -> (!indexName.isEmpty() && !indexName.equals(i.indexName()))
        || (!field.isEmpty() && !field.equals(i.fieldName())));
    if (all.isEmpty()) {
      throw new MilvusException(MilvusException.INDEX_NOT_FOUND, "index not found[collection=" + c.name()
          + (indexName.isEmpty() ? "" : "][indexName=" + indexName) + "]");
    }
    return all;
  }

  /**
   * The one index a state, progress or drop request names; several (a multi-vector collection and no
   * name) is datacoord's ErrIndexDuplicate, 702 "index duplicates[indexName=]".
   */
  private static IndexJson one(Collection c, String indexName, String field) {
    List<IndexJson> found = visible(c, indexName, field);
    if (found.size() > 1) {
      throw new MilvusException(MilvusException.INDEX_DUPLICATE, "index duplicates[indexName=" + indexName + "]");
    }
    return found.get(0);
  }

  private record Progress(IndexState state, long indexed, long total, String failReason) {}

  private static Progress progress(Collection c, IndexJson index) throws Exception {
    GraphBuild b = c.build();
    if (b != null && b.index() == index) {
      // One snapshot of the build decides state and counts together.
      GraphBuild.Progress p = b.progress();
      switch (p.state()) {
        case IN_PROGRESS:
          long total = p.totalRows() < 0 ? c.rowCount() : p.totalRows();
          return new Progress(IndexState.InProgress, Math.min(p.indexedRows(), Math.max(0, total - 1)), total, "");
        case FAILED:
          return new Progress(IndexState.Failed, p.indexedRows(), p.totalRows(), p.failReason());
        default:
          break;
      }
    }
    long rows = c.rowCount();
    if (pending(c.state()).contains(index)) {
      return new Progress(IndexState.InProgress, 0, rows, ""); // its build has not started yet
    }
    return new Progress(IndexState.Finished, rows, rows, "");
  }

  DescribeIndexResponse describe(Database db, String collection, String indexName, String field) throws Exception {
    Collection c = db.get(collection);
    DescribeIndexResponse.Builder out = DescribeIndexResponse.newBuilder().setStatus(Statuses.OK);
    for (IndexJson index : visible(c, indexName, field)) {
      out.addIndexDescriptions(description(c, index));
    }
    return out.build();
  }

  private static IndexDescription.Builder description(Collection c, IndexJson index) throws Exception {
    Progress p = progress(c, index);
    IndexDescription.Builder d = IndexDescription.newBuilder()
        .setIndexName(index.indexName())
        .setIndexID(index.indexId())
        .setFieldName(index.fieldName())
        .setIndexedRows(p.indexed())
        .setTotalRows(p.total())
        .setPendingIndexRows(p.total() - p.indexed())
        .setState(p.state())
        .setIndexStateFailReason(p.failReason());
    index.params().forEach((k, v) -> d.addParams(KeyValuePair.newBuilder().setKey(k).setValue(v)));
    return d;
  }

  GetIndexStateResponse state(Database db, String collection, String indexName) throws Exception {
    Collection c = db.get(collection);
    Progress p = progress(c, one(c, indexName, ""));
    return GetIndexStateResponse.newBuilder().setStatus(Statuses.OK).setState(p.state()).setFailReason(p.failReason())
        .build();
  }

  GetIndexBuildProgressResponse buildProgress(Database db, String collection, String indexName) throws Exception {
    Collection c = db.get(collection);
    Progress p = progress(c, one(c, indexName, ""));
    return GetIndexBuildProgressResponse.newBuilder().setStatus(Statuses.OK).setIndexedRows(p.indexed())
        .setTotalRows(p.total()).build();
  }

  /** Like Milvus, only a released collection's index can be dropped. The graph is kept for a later identical index. */
  Status drop(Database db, String collection, String indexName) throws Exception {
    Collection c = db.get(collection);
    synchronized (c) {
      IndexJson index = one(c, indexName, "");
      if (c.loaded()) {
        throw MilvusException.invalid("index cannot be dropped, collection is loaded, please release it first");
      }
      GraphBuild b = c.build();
      if ((b != null && b.state() == GraphBuild.State.IN_PROGRESS) || !c.state().queuedOrEmpty().isEmpty()) {
        throw MilvusException.invalid("index " + index.indexName() + " is still being built; drop it when finished");
      }
      store.publishIndex(c, index.fieldName(), null);
    }
    return Statuses.OK;
  }
}
