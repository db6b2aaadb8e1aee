package org.milvusbench.gatling.internal;

import org.milvusbench.gatling.core.ConsistencyLevel;

/** How searches and queries carry a consistency level: as milvus-sdk-java v2 sends it. */
final class Consistency {
  private Consistency() {}

  /**
   * The {@code guarantee_timestamp} MilvusClientV2 sends for {@code level} (null = none set): 0 makes
   * a strong read wait for every acknowledged write, 2 lets the server apply its staleness bound, 1
   * reads what is there. MilvusClientV2 sends a session read its own last write's timestamp; the DSL
   * does not track its writes, so a session read is sent as the client sends it before any write.
   */
  static long guaranteeTimestamp(ConsistencyLevel level) {
    if (level == null) {
      return 1L;
    }
    return switch (level) {
      case STRONG -> 0L;
      case BOUNDED -> 2L;
      case SESSION, EVENTUALLY -> 1L;
    };
  }
}
