package org.milvusbench.lucene.store;

import io.milvus.grpc.CollectionSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.milvusbench.lucene.error.MilvusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All collections under the data directory, one sub-directory each ({@code state.json} plus Lucene
 * directories {@code index-N}). Collections found at start are opened released, as Milvus does after a
 * restart. Index builds run one at a time on a dedicated thread.
 */
public final class CollectionStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CollectionStore.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

  private final Path dataDir;
  private final StoreSettings settings;
  private final Map<String, Collection> collections = new ConcurrentHashMap<>();
  private final ExecutorService buildCoordinator = Executors.newSingleThreadExecutor(daemon("index-build"));
  private final AtomicLong lastId = new AtomicLong(System.currentTimeMillis() << 8);

  public CollectionStore(Path dataDir, StoreSettings settings) throws IOException {
    this.dataDir = dataDir;
    this.settings = settings;
    Files.createDirectories(dataDir);
    try (Stream<Path> dirs = Files.list(dataDir)) {
      for (Path d : dirs.filter(p -> Files.exists(p.resolve(CollectionState.FILE))).toList()) {
        Collection c = Collection.open(d, settings);
        collections.put(c.name(), c);
        lastId.accumulateAndGet(c.state().collectionId(), Math::max);
        LOG.info("opened collection {} ({} rows, index: {}) - {}", c.name(), c.rowCount(),
            c.state().index() == null ? "none" : c.state().index().params(), c.loaded() ? "loaded" : "released");
      }
    }
  }

  /** Daemon threads named {@code name-1}, {@code name-2}, ...: the target's pools never keep a JVM alive. */
  public static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Milvus ids are unique and increasing; ours are derived from the clock at first use. */
  public long newId() {
    return lastId.incrementAndGet();
  }

  public Collection get(String name) {
    Collection c = collections.get(name);
    if (c == null) {
      throw MilvusException.collectionNotFound(name);
    }
    return c;
  }

  public Collection find(String name) {
    return collections.get(name);
  }

  public List<Collection> list() {
    return new ArrayList<>(collections.values());
  }

  /** Creates a collection; creating an identical one again succeeds, as in Milvus. */
  public synchronized Collection create(String name, CollectionSchema schema, int consistencyLevel) throws IOException {
    if (!NAME.matcher(name).matches()) {
      throw MilvusException.invalid("collection name " + name + " is illegal: the first character must be an underscore"
          + " or a letter, and only underscores, letters and digits are allowed (at most 255)");
    }
    new SchemaView(schema);
    Collection existing = collections.get(name);
    if (existing != null) {
      if (existing.schema().proto().getFieldsList().equals(schema.getFieldsList())) {
        return existing;
      }
      throw MilvusException.invalid("create duplicate collection with different parameters, collection: " + name);
    }
    Path dir = dataDir.resolve(name);
    GraphBuild.deleteTree(dir);
    CollectionState state = new CollectionState(name, newId(), System.currentTimeMillis(),
        Base64.getEncoder().encodeToString(schema.toByteArray()), consistencyLevel, "index-0", null, null, false);
    Collection c = Collection.create(dir, state, settings);
    collections.put(name, c);
    return c;
  }

  /** Drops the collection and its files; dropping a missing collection succeeds (Milvus examples rely on it). */
  public synchronized void drop(String name) throws IOException {
    Collection c = collections.remove(name);
    if (c != null) {
      c.close();
      GraphBuild.deleteTree(c.dir());
    }
  }

  /** Starts building the graph on the build thread. */
  public GraphBuild startBuild(Collection c, GraphSpec spec, CollectionState.IndexJson index) {
    GraphBuild b = new GraphBuild(c, spec, index);
    c.setBuild(b);
    buildCoordinator.execute(b);
    return b;
  }

  /** Records an index without building (the graph already matches, or a scalar/FLAT index). */
  public void publishIndex(Collection c, CollectionState.IndexJson index) throws IOException {
    c.setState(c.state().withIndex(index));
  }

  @Override
  public synchronized void close() throws IOException {
    buildCoordinator.shutdown();
    for (Collection c : collections.values()) {
      try {
        c.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("closing collection {} failed", c.name(), e);
      }
    }
    collections.clear();
  }
}
