package org.milvusbench.lucene.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.milvusbench.lucene.error.MilvusException;

/**
 * Every database under the data directory. The default database is the data directory itself (its
 * collections are its sub-directories, so data directories written before databases existed open
 * unchanged); database {@code x} is the sub-directory {@code db.x} (the dot keeps it apart from every
 * legal collection name). Collections found at start are loaded again if they were loaded, as Milvus
 * does. Index builds run one at a time on a dedicated thread.
 */
public final class CollectionStore implements AutoCloseable {
  public static final String DEFAULT_DATABASE = "default";
  /** Milvus's rootCoord.maxDatabaseNum default. */
  public static final int MAX_DATABASES = 64;
  private static final String DATABASE_DIR_PREFIX = "db.";

  private final Path dataDir;
  private final StoreSettings settings;
  private final Map<String, Database> databases = new ConcurrentHashMap<>();
  private final ExecutorService buildCoordinator = Executors.newSingleThreadExecutor(daemon("index-build"));
  private final AtomicLong lastId = new AtomicLong(System.currentTimeMillis() << 8);

  public CollectionStore(Path dataDir, StoreSettings settings) throws IOException {
    this.dataDir = dataDir;
    this.settings = settings;
    Files.createDirectories(dataDir);
    if (!DatabaseState.existsIn(dataDir)) {
      new DatabaseState(DEFAULT_DATABASE, 1, System.currentTimeMillis(), Map.of()).write(dataDir);
    }
    databases.put(DEFAULT_DATABASE, Database.open(this, dataDir, DatabaseState.read(dataDir)));
    try (Stream<Path> dirs = Files.list(dataDir)) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith(DATABASE_DIR_PREFIX)
          && DatabaseState.existsIn(p)).toList()) {
        DatabaseState state = DatabaseState.read(d);
        sawId(state.id());
        databases.put(state.name(), Database.open(this, d, state));
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

  /** An id found on disk: later ids are larger. */
  void sawId(long id) {
    lastId.accumulateAndGet(id, Math::max);
  }

  StoreSettings settings() {
    return settings;
  }

  /** The database, or Milvus's "database not found[database=x]" (800). */
  public Database database(String name) {
    Database db = databases.get(name);
    if (db == null) {
      throw MilvusException.databaseNotFound(name);
    }
    return db;
  }

  /** In creation order, the default database first. */
  public List<Database> databases() {
    List<Database> all = new ArrayList<>(databases.values());
    all.sort(Comparator.comparingLong(d -> d.state().id()));
    return all;
  }

  /** A collection of the default database (for in-process use: benchmarks compare against direct Lucene). */
  public Collection get(String name) {
    return database(DEFAULT_DATABASE).get(name);
  }

  /** Creates a database; the name must already be valid. Milvus refuses an existing name and a 65th database. */
  public synchronized Database createDatabase(String name, Map<String, String> properties) throws IOException {
    if (databases.containsKey(name)) {
      throw new MilvusException(MilvusException.UNEXPECTED, "database already exist: " + name);
    }
    if (databases.size() >= MAX_DATABASES) {
      throw new MilvusException(MilvusException.DATABASE_NUM_LIMIT_EXCEEDED,
          "exceeded the limit number of database[limit=" + MAX_DATABASES + "]");
    }
    Path dir = dataDir.resolve(DATABASE_DIR_PREFIX + name);
    GraphBuild.deleteTree(dir); // left by a drop that a crash interrupted
    Files.createDirectories(dir);
    DatabaseState state = new DatabaseState(name, newId(), System.currentTimeMillis(), properties);
    state.write(dir);
    Database db = Database.open(this, dir, state);
    databases.put(name, db);
    return db;
  }

  /** Drops an empty database; a missing one succeeds and the default one is refused, as in Milvus. */
  public synchronized void dropDatabase(String name) throws IOException {
    if (name.equals(DEFAULT_DATABASE)) {
      throw new MilvusException(MilvusException.UNEXPECTED, "can not drop default database");
    }
    Database db = databases.get(name);
    if (db == null) {
      return;
    }
    db.markDropped();
    databases.remove(name);
    GraphBuild.deleteTree(db.dir());
  }

  /**
   * Starts building the graph on the build thread. The request is persisted first (the collection's
   * pending build), so a restart before or during the build resumes it.
   */
  public GraphBuild startBuild(Collection c, GraphSpec spec, CollectionState.IndexJson index) throws IOException {
    String dir = GraphBuild.nextDirName(c.state().indexDir());
    c.setState(c.state().withBuild(new CollectionState.PendingBuildJson(dir, CollectionState.GraphJson.of(spec), index, null)));
    return resumeBuild(c);
  }

  /** Persists a build to start when the running one ends (another vector field's index, accepted meanwhile). */
  public void queueBuild(Collection c, GraphSpec spec, CollectionState.IndexJson index) throws IOException {
    List<CollectionState.PendingBuildJson> queued = new ArrayList<>(c.state().queuedOrEmpty());
    queued.add(new CollectionState.PendingBuildJson(null, CollectionState.GraphJson.of(spec), index, null));
    c.setState(c.state().withQueued(queued));
  }

  /** Starts the first queued build if none is pending (after a build ends, and at open). */
  void startQueuedBuild(Collection c) throws IOException {
    synchronized (c) {
      List<CollectionState.PendingBuildJson> queued = c.state().queuedOrEmpty();
      if (c.state().build() != null || queued.isEmpty()) {
        return;
      }
      // One state change moves the index from the queue to the pending build: it is never in neither.
      CollectionState.PendingBuildJson next = queued.get(0);
      String dir = GraphBuild.nextDirName(c.state().indexDir());
      c.setState(c.state().withQueued(queued.subList(1, queued.size()))
          .withBuild(new CollectionState.PendingBuildJson(dir, next.graph(), next.index(), null)));
      resumeBuild(c);
    }
  }

  /**
   * Queues the collection's pending build (persisted by {@link #startBuild}, found again after a restart)
   * on the build thread; when it ends the next queued one starts, unless the collection closed meanwhile.
   */
  GraphBuild resumeBuild(Collection c) {
    GraphBuild b = new GraphBuild(c, c.state().build());
    c.setBuild(b);
    buildCoordinator.execute(() -> {
      b.run();
      if (!b.cancelled()) {
        try {
          startQueuedBuild(c);
        } catch (IOException | RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(CollectionStore.class).error("collection {}: the next index build did not start",
              c.name(), e);
        }
      }
    });
    return b;
  }

  /**
   * Records vector field {@code field}'s index without building (the graph already matches, or FLAT);
   * null drops it (the graph stays for a later identical index).
   */
  public void publishIndex(Collection c, String field, CollectionState.IndexJson index) throws IOException {
    CollectionState s = c.state();
    if (field.equals(c.schema().vectorName())) {
      c.setState(s.withIndex(index));
    } else {
      c.setState(s.withExtraVector(field, c.graphs().of(field), index));
    }
  }

  @Override
  public synchronized void close() {
    buildCoordinator.shutdown();
    for (Database db : databases.values()) {
      db.close();
    }
    databases.clear();
  }
}
