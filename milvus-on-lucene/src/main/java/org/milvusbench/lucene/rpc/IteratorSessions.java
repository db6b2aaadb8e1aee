package org.milvusbench.lucene.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.Collection;

/**
 * The snapshots behind iterators' {@code session_ts}. Milvus answers an iterator's first request with
 * {@code session_ts} (its MVCC timestamp) and reads every later request sent with that
 * {@code guarantee_timestamp} as of it (internal/proxy/task_query.go: "need modify mvccTs and
 * guaranteeTs for iterator specially"), so rows written meanwhile are not visited. This server keeps
 * no row versions; it serves the latest rows and remembers, per session, the collection's
 * {@link Collection#contentVersion()}: while it is unchanged the latest rows are the snapshot's rows,
 * and once a write has changed them the request is refused by name rather than answered from other rows.
 *
 * <p>Entries are three longs; the oldest-used beyond {@link #MAX_SESSIONS} are forgotten (such a
 * session is then refused as unknown, as it is after a restart).
 */
final class IteratorSessions {
  static final int MAX_SESSIONS = 4096;

  private record Session(long collectionId, long contentVersion) {}

  private final Map<Long, Session> sessions = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Session> eldest) {
      return size() > MAX_SESSIONS;
    }
  };

  /** A read of the collection as an iterator request: call {@link #finish} after reading. */
  Read begin(Collection c, long guaranteeTs) {
    return new Read(c, guaranteeTs, c.contentVersion());
  }

  /**
   * Ends the read: a first request (no {@code guarantee_timestamp}) opens a session and returns its
   * timestamp; a later one returns its own after checking that the rows it read are its snapshot's.
   */
  long finish(Read read) {
    long now = read.collection.contentVersion();
    long id = read.collection.state().collectionId();
    if (read.guaranteeTs <= 0) {
      long ts = Tso.next();
      // The version before the read: a write during this first read makes every later request refuse.
      synchronized (sessions) {
        sessions.put(ts, new Session(id, read.versionBefore));
      }
      return ts;
    }
    Session s;
    synchronized (sessions) {
      s = sessions.get(read.guaranteeTs);
    }
    if (s == null || s.collectionId != id) {
      throw MilvusException.unsupported("iterator session_ts " + read.guaranteeTs + " is not known to this server"
          + " (restarted, collection recreated, or more than " + MAX_SESSIONS + " iterators since); reading as of"
          + " an earlier timestamp needs row versions, which this server does not keep: restart the iterator");
    }
    if (s.contentVersion != now || read.versionBefore != now) { // changed before, or during, this read
      throw MilvusException.unsupported("iterating collection " + read.collection.name() + " while it is written:"
          + " rows changed after the iterator's snapshot (session_ts " + read.guaranteeTs + ") and this server"
          + " keeps no row versions to read as of it; restart the iterator once the writes are done");
    }
    return read.guaranteeTs;
  }

  /** One iterator request's read in progress. */
  static final class Read {
    private final Collection collection;
    private final long guaranteeTs;
    private final long versionBefore;

    private Read(Collection collection, long guaranteeTs, long versionBefore) {
      this.collection = collection;
      this.guaranteeTs = guaranteeTs;
      this.versionBefore = versionBefore;
    }
  }
}
