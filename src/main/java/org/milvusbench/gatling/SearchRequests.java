package org.milvusbench.gatling;

import io.milvus.grpc.SearchRequest;
import org.milvusbench.gatling.internal.SearchRequestTemplate;

/** The requests a search action sends, for use outside Gatling (a pre-flight probe, a tool). */
public final class SearchRequests {
  private SearchRequests() {}

  /**
   * The first request {@code search} sends over {@code protocol}: its template with the first
   * {@code nq} queries of its query set.
   *
   * @throws IllegalArgumentException if the search takes its vectors from the session (no query set)
   */
  public static SearchRequest first(MilvusSearchActionBuilder search, MilvusProtocolBuilder protocol) {
    return SearchRequestTemplate.first(search.wrapped, protocol.protocol());
  }
}
