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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.milvusbench.lucene.error.MilvusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Milvus database: a directory holding one sub-directory per collection ({@code state.json} plus
 * Lucene directories {@code index-N}) and its {@link DatabaseState}. Collection names are per database,
 * as in Milvus; collection ids come from the store and are unique across databases.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

  private final CollectionStore store;
  private final Path dir;
  private volatile DatabaseState state;
  private final Map<String, Collection> collections = new ConcurrentHashMap<>();
  /** Set under this database's lock when it is dropped, so that no collection is created in it afterwards. */
  private boolean dropped;

  private Database(CollectionStore store, Path dir, DatabaseState state) {
    this.store = store;
    this.dir = dir;
    this.state = state;
  }

  /** Opens the database in {@code dir} with its collections (loaded ones loaded again, as in Milvus). */
  static Database open(CollectionStore store, Path dir, DatabaseState state) throws IOException {
    Database db = new Database(store, dir, state);
    try (Stream<Path> dirs = Files.list(dir)) {
      for (Path d : dirs.filter(p -> Files.exists(p.resolve(CollectionState.FILE))).toList()) {
        Collection c = CollectionOpener.open(d, store.settings());
        db.collections.put(c.name(), c);
        store.sawId(c.state().collectionId());
        c.state().partitionList().forEach(p -> store.sawId(p.id()));
        LOG.info("opened collection {}.{} ({} rows, index: {}) - {}", state.name(), c.name(), c.rowCount(),
            c.state().index() == null ? "none" : c.state().index().params(), c.loaded() ? "loaded" : "released");
        if (c.state().build() != null) {
          GraphBuild b = store.resumeBuild(c);
          LOG.info("collection {}.{}: index build {} interrupted by the last stop, resuming ({} rows kept so far)",
              state.name(), c.name(), c.state().build().index().params(), b.progress().indexedRows());
        } else {
          store.startQueuedBuild(c); // a stop between one build's end and the next one's start
        }
      }
    }
    return db;
  }

  public String name() {
    return state.name();
  }

  public DatabaseState state() {
    return state;
  }

  Path dir() {
    return dir;
  }

  /** The collection by name or alias (every RPC naming a collection resolves aliases, as Milvus's proxy does). */
  public Collection get(String name) {
    Collection c = find(name);
    if (c == null) {
      throw MilvusException.collectionNotFound(name);
    }
    return c;
  }

  /** The collection by name or alias, or null. */
  public Collection find(String name) {
    Collection c = collections.get(name);
    if (c == null) {
      String target = state.aliases().get(name);
      c = target == null ? null : collections.get(target);
    }
    return c;
  }

  /** The aliases of this database (alias → collection name). */
  public Map<String, String> aliases() {
    return state.aliases();
  }

  /** Replaces the aliases and persists them (under this database's lock, by {@link Aliases}). */
  void setAliases(Map<String, String> aliases) throws IOException {
    DatabaseState next = state.withAliases(aliases);
    next.write(dir);
    state = next;
  }

  /** This database's aliases. */
  public Aliases aliasManager() {
    return new Aliases(this);
  }

  /** Creates a partition of {@code c} with a fresh id (an existing name succeeds, as in Milvus). */
  public void createPartition(Collection c, String partition) throws IOException {
    c.partitions().create(partition, store.newId());
  }

  /** The collection named exactly {@code name} (no alias), or null. */
  Collection byName(String name) {
    return collections.get(name);
  }

  public List<Collection> list() {
    return new ArrayList<>(collections.values());
  }

  /** Creates a collection; creating an identical one again succeeds, as in Milvus; every collection starts with {@code _default}. */
  public synchronized Collection create(String name, CollectionSchema schema, int consistencyLevel) throws IOException {
    if (!NAME.matcher(name).matches()) {
      throw MilvusException.invalid("collection name " + name + " is illegal: the first character must be an underscore"
          + " or a letter, and only underscores, letters and digits are allowed (at most 255)");
    }
    if (dropped) {
      throw MilvusException.databaseNotFound(name());
    }
    if (state.aliases().containsKey(name)) {
      throw new MilvusException(MilvusException.UNEXPECTED, "collection name [" + name
          + "] conflicts with an existing alias, please choose a unique name");
    }
    new SchemaView(schema);
    Collection existing = collections.get(name);
    if (existing != null) {
      if (existing.schema().proto().getFieldsList().equals(schema.getFieldsList())) {
        return existing;
      }
      throw MilvusException.invalid("create duplicate collection with different parameters, collection: " + name);
    }
    Path collectionDir = dir.resolve(name);
    GraphBuild.deleteTree(collectionDir);
    long id = store.newId();
    long now = System.currentTimeMillis();
    CollectionState cs = new CollectionState(name, id, now,
        Base64.getEncoder().encodeToString(schema.toByteArray()), consistencyLevel, "index-0", null, null, false,
        List.of(new CollectionState.PartitionJson(Partitions.DEFAULT, id, now, false)), null, null, null);
    Collection c = CollectionOpener.create(collectionDir, cs, store.settings());
    collections.put(name, c);
    return c;
  }

  /**
   * Drops the collection and its files; dropping a missing collection succeeds (Milvus examples rely on
   * it). As in Milvus's rootcoord, an alias cannot name the collection to drop, and a collection that
   * still has aliases is refused.
   */
  public synchronized void drop(String name) throws IOException {
    if (state.aliases().containsKey(name)) {
      throw new MilvusException(MilvusException.UNEXPECTED, "cannot drop the collection via alias = " + name);
    }
    List<String> aliases = aliasManager().of(name);
    if (collections.containsKey(name) && !aliases.isEmpty()) {
      throw new MilvusException(MilvusException.UNEXPECTED, "unable to drop the collection [" + name
          + "] because it has associated aliases " + aliases + ", please remove all aliases before dropping the collection");
    }
    Collection c = collections.remove(name);
    if (c != null) {
      c.close();
      GraphBuild.deleteTree(c.dir());
    }
  }

  /**
   * Marks the database dropped if it holds no collection; Milvus refuses to drop one that does (rootcoord
   * meta_table.go: "database:x not empty, must drop all collections before drop database").
   */
  synchronized void markDropped() {
    if (!collections.isEmpty()) {
      throw new MilvusException(MilvusException.UNEXPECTED, "database:" + name()
          + " not empty, must drop all collections before drop database");
    }
    dropped = true;
  }

  @Override
  public synchronized void close() {
    for (Collection c : collections.values()) {
      try {
        c.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("closing collection {}.{} failed", name(), c.name(), e);
      }
    }
    collections.clear();
  }
}
