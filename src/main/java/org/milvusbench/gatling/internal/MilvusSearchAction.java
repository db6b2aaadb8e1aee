package org.milvusbench.gatling.internal;

import com.google.protobuf.ByteString;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResults;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.core.SearchObserver;

/**
 * The search action: per request only the query vectors change (from a query set, the session or a
 * function); the call, its completion and the resume are {@link UnaryAction}'s.
 */
public final class MilvusSearchAction extends UnaryAction<SearchRequest, SearchResults> {
  private final SearchRequest template;
  private final QueryVectors queries;
  private final String vectorsKey;
  private final Function<io.gatling.javaapi.core.Session, float[]> vectorsFunction;
  private final int nq;
  private final SearchObserver observer;
  // nq = 1 from a query set: the request of every query, built once (they share the encoded vectors
  // and keep protobuf's cached size), instead of a template copy per request.
  private final SearchRequest[] requestOfQuery;

  public MilvusSearchAction(SearchSpec spec, SearchRequest template, MilvusComponents components,
      StatsEngine statsEngine, Action next) {
    super(spec.base(), MilvusMethods.SEARCH, components, statsEngine, next);
    this.template = template;
    this.queries = spec.queries();
    this.vectorsKey = spec.vectorsKey();
    this.vectorsFunction = spec.vectorsFunction();
    this.nq = spec.nq();
    this.observer = spec.base().observer();
    if (queries != null && nq == 1) {
      requestOfQuery = new SearchRequest[queries.size()];
      for (int i = 0; i < requestOfQuery.length; i++) {
        requestOfQuery[i] = template.toBuilder().setPlaceholderGroup(queries.placeholderGroup(i, 1)).build();
      }
    } else {
      requestOfQuery = null;
    }
  }

  @Override
  io.milvus.grpc.Status status(SearchResults response) {
    return response.getStatus();
  }

  @Override
  void observe(boolean ok, long startEpochMicros, long latencyMicros, int firstQueryIndex, SearchResults response) {
    observer.onSearch(ok, startEpochMicros, latencyMicros, firstQueryIndex, response);
  }

  @Override
  public void execute(Session session) {
    int firstQueryIndex = -1;
    SearchRequest request;
    if (requestOfQuery != null) {
      firstQueryIndex = queries.nextIndex(1);
      request = requestOfQuery[firstQueryIndex];
    } else if (queries != null) {
      firstQueryIndex = queries.nextIndex(nq);
      request = template.toBuilder().setPlaceholderGroup(queries.placeholderGroup(firstQueryIndex, nq)).build();
    } else {
      float[] vector;
      try {
        vector = sessionVector(session);
      } catch (RuntimeException e) {
        crash(session, "query vector: " + e.getMessage());
        return;
      }
      ByteString encoded = QueryVectors.encode(vector);
      request = template.toBuilder()
          .setPlaceholderGroup(QueryVectors.placeholderGroup(nq == 1 ? List.of(encoded) : Collections.nCopies(nq, encoded)))
          .build();
    }
    send(session, request, firstQueryIndex);
  }

  private float[] sessionVector(Session session) {
    if (vectorsFunction != null) {
      float[] v = vectorsFunction.apply(new io.gatling.javaapi.core.Session(session));
      if (v == null) {
        throw new IllegalArgumentException("the vectors function returned null");
      }
      return v;
    }
    Object value = new io.gatling.javaapi.core.Session(session).get(vectorsKey);
    if (value instanceof float[] floats) {
      return floats;
    }
    if (value instanceof List<?> list) {
      float[] v = new float[list.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = ((Number) list.get(i)).floatValue();
      }
      return v;
    }
    throw new IllegalArgumentException(
        "session attribute \"" + vectorsKey + "\" is " + (value == null ? "missing" : value.getClass().getSimpleName())
            + ", expected float[] or a list of numbers");
  }
}
