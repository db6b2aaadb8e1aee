package org.milvusbench.lucene.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.CollectionState.PartitionJson;

/**
 * The partitions of one collection as Milvus 2.5 / 2.6 manages them: create (an existing name succeeds,
 * as rootcoord's createPartitionTask does), drop (refused while loaded, {@code _default} never, a missing
 * one succeeds; its rows are deleted), load / release per partition, and the Lucene restriction each read
 * and write gets. Every change is persisted in {@code state.json} before it answers.
 */
public final class CollectionPartitions {
  private final Collection collection;

  CollectionPartitions(Collection collection) {
    this.collection = collection;
  }

  public List<PartitionJson> all() {
    return collection.state().partitionList();
  }

  /** The partition, or Milvus's 200. */
  public PartitionJson get(String name) {
    for (PartitionJson p : all()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw Partitions.notFound(name);
  }

  public boolean exists(String name) {
    return all().stream().anyMatch(p -> p.name().equals(name));
  }

  /** Loaded on its own, or with the whole collection (which includes partitions created after the load). */
  public boolean loaded(PartitionJson p) {
    return collection.state().wasLoaded() || p.wasLoaded();
  }

  public void create(String name, long id) throws IOException {
    Partitions.checkName(name);
    synchronized (collection) {
      if (exists(name)) {
        return;
      }
      List<PartitionJson> next = new ArrayList<>(all());
      if (next.size() >= Partitions.MAX_PARTITIONS) {
        throw MilvusException.invalid("partition number (" + next.size() + ") exceeds max configuration ("
            + Partitions.MAX_PARTITIONS + "), collection: " + collection.name());
      }
      next.add(new PartitionJson(name, id, System.currentTimeMillis(), false));
      collection.replaceState(collection.state().withPartitions(next));
    }
  }

  /** Deletes the partition and its rows: the rows first, so that a crash in between leaves no orphan rows. */
  public void drop(String name) throws IOException {
    Partitions.checkName(name);
    if (name.equals(Partitions.DEFAULT)) {
      throw new MilvusException(MilvusException.UNEXPECTED, "default partition cannot be deleted");
    }
    synchronized (collection) {
      if (!exists(name)) {
        return;
      }
      PartitionJson p = get(name);
      if (loaded(p)) {
        throw new MilvusException(MilvusException.UNEXPECTED,
            "partition cannot be dropped, partition is loaded, please release it first");
      }
      collection.mutationLock.readLock().lock();
      try {
        collection.markChanging();
        collection.index().writer.deleteDocuments(Partitions.rowsOf(List.of(p)));
        collection.markWritten();
      } finally {
        collection.mutationLock.readLock().unlock();
      }
      List<PartitionJson> next = new ArrayList<>(all());
      next.remove(p);
      collection.replaceState(collection.state().withPartitions(next));
    }
  }

  /** Loads the named partitions (a collection loaded as a whole has them already). */
  public void load(List<String> names) throws IOException {
    synchronized (collection) {
      names.forEach(this::get);
      if (collection.state().wasLoaded()) {
        return;
      }
      List<PartitionJson> next = new ArrayList<>();
      for (PartitionJson p : all()) {
        next.add(names.contains(p.name()) ? p.withLoaded(true) : p);
      }
      collection.replaceState(collection.state().withPartitions(next));
    }
  }

  /**
   * Releases the named partitions. A collection loaded as a whole becomes a set of loaded partitions
   * (the others); with none left it is released, as Milvus's querycoord does.
   */
  public void release(List<String> names) throws IOException {
    synchronized (collection) {
      names.forEach(this::get);
      boolean whole = collection.state().wasLoaded();
      List<PartitionJson> next = new ArrayList<>();
      for (PartitionJson p : all()) {
        next.add(p.withLoaded(!names.contains(p.name()) && (whole || p.wasLoaded())));
      }
      collection.replaceState(collection.state().withPartitions(next).withLoaded(false));
    }
  }

  /** The {@code $partition} value for rows written to {@code name} (blank: {@code _default}), or null. */
  public String writeTerm(String name) {
    return name.isBlank() ? null : Partitions.term(get(name));
  }

  /** Rows of the named partition, or null (no restriction) for a write that names none. */
  public Query writeRestriction(String name) {
    return name.isBlank() ? null : Partitions.rowsOf(List.of(get(name)));
  }

  /**
   * What a search or query may see: the named partitions (each must exist, 200, and be loaded, 201),
   * or without names every loaded one; null when that is the whole collection.
   */
  public Query readRestriction(List<String> names) {
    if (names.isEmpty() && collection.state().wasLoaded()) {
      return null; // the common case, on every search: nothing to allocate
    }
    List<PartitionJson> all = all();
    List<PartitionJson> chosen;
    if (names.isEmpty()) {
      chosen = all.stream().filter(this::loaded).toList();
    } else {
      chosen = Partitions.matching(all, names);
      for (PartitionJson p : chosen) {
        if (!loaded(p)) {
          throw Partitions.notLoaded(p.name());
        }
      }
    }
    return chosen.size() == all.size() ? null : Partitions.rowsOf(chosen);
  }

  /** Live rows of the partition, as of the latest write. */
  public long rowCount(String name) throws IOException {
    Query rows = Partitions.rowsOf(List.of(get(name)));
    try (SearcherLease lease = collection.acquire()) {
      return lease.searcher().count(rows);
    }
  }
}
