package org.milvusbench.lucene.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;

/**
 * Collection aliases of one database, with the checks and messages of Milvus 2.5 / 2.6's rootcoord
 * (meta_table.go CheckIfAliasCreatable / CheckIfAliasAlterable / CheckIfAliasDroppable, DescribeAlias,
 * ListAliases). An alias names exactly one collection; a collection may have several. Changes take the
 * database's lock (as collection create / drop do) and are persisted in {@code database.json}.
 */
public final class Aliases {
  private final Database db;

  Aliases(Database db) {
    this.db = db;
  }

  /** A new alias; the same alias for the same collection again succeeds (Milvus ignores the duplicate). */
  public void create(String alias, String collection) throws IOException {
    checkName(alias);
    synchronized (db) {
      Collection target = target(alias, collection);
      String current = db.aliases().get(alias);
      if (target.name().equals(current)) {
        return;
      }
      if (current != null) {
        throw new MilvusException(MilvusException.ALIAS_ALREADY_EXIST, "alias already exist[database=" + db.name()
            + "][alias=" + alias + "]: " + alias + " is alias to another collection: " + current);
      }
      put(alias, target.name());
    }
  }

  /** Points an existing alias at another collection. */
  public void alter(String alias, String collection) throws IOException {
    checkName(alias);
    synchronized (db) {
      Collection target = target(alias, collection);
      if (!db.aliases().containsKey(alias)) {
        throw notFound(alias);
      }
      put(alias, target.name());
    }
  }

  public void drop(String alias) throws IOException {
    synchronized (db) {
      if (!db.aliases().containsKey(alias)) {
        throw notFound(alias);
      }
      Map<String, String> next = new HashMap<>(db.aliases());
      next.remove(alias);
      db.setAliases(next);
    }
  }

  /** The collection the alias names. */
  public String describe(String alias) {
    String collection = db.aliases().get(alias);
    if (collection == null) {
      throw notFound(alias);
    }
    return collection;
  }

  /** Every alias of the database (blank collection), or of one collection (named exactly, 100 if missing). */
  public List<String> list(String collection) {
    if (!collection.isEmpty() && db.byName(collection) == null) {
      throw MilvusException.collectionNotFound(collection);
    }
    List<String> out = collection.isEmpty() ? new ArrayList<>(db.aliases().keySet()) : of(collection);
    out.sort(null);
    return out;
  }

  /** The aliases of the collection named {@code collection}, sorted. */
  List<String> of(String collection) {
    List<String> out = new ArrayList<>();
    db.aliases().forEach((alias, target) -> {
      if (target.equals(collection)) {
        out.add(alias);
      }
    });
    out.sort(null);
    return out;
  }

  /** The alias must not be a collection's name; the collection must exist under its own name (not an alias). */
  private Collection target(String alias, String collection) {
    if (db.byName(alias) != null) {
      throw new MilvusException(MilvusException.ALIAS_COLLECTION_NAME_CONFLICT,
          "alias and collection name conflict[database=" + db.name() + "][alias=" + alias + "]");
    }
    Collection target = db.byName(collection);
    if (target == null) {
      throw new MilvusException(MilvusException.COLLECTION_NOT_FOUND, "collection not found[database=" + db.name()
          + "][collection=" + collection + "]");
    }
    return target;
  }

  private void put(String alias, String collection) throws IOException {
    Map<String, String> next = new HashMap<>(db.aliases());
    next.put(alias, collection);
    db.setAliases(next);
  }

  private MilvusException notFound(String alias) {
    return new MilvusException(MilvusException.ALIAS_NOT_FOUND, "alias not found[database=" + db.name()
        + "][alias=" + alias + "]");
  }

  /** Milvus's rule for aliases (proxy validateCollectionName): a letter or underscore, then letters, digits, underscores. */
  private static void checkName(String alias) {
    if (!alias.matches("[A-Za-z_][A-Za-z0-9_]{0,254}")) {
      throw MilvusException.invalid("Invalid collection alias: " + alias + ". the first character of a collection"
          + " alias must be an underscore or letter, and only underscores, letters and digits are allowed");
    }
  }
}
