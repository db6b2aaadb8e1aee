package org.milvusbench.gatling.internal;

import com.google.protobuf.ByteString;
import com.typesafe.scalalogging.Logger;
import com.typesafe.scalalogging.Logger$;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResults;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.core.SearchObserver;
import org.milvusbench.gatling.core.StartSchedule;
import scala.Option;

/**
 * The search action: starts an asynchronous gRPC call (no thread per request, nothing blocks the
 * Gatling thread), and when the answer arrives logs OK/KO to Gatling, tells the observer, and
 * resumes the virtual user on its own event loop.
 *
 * <p>A Java implementation of Gatling's Scala {@code Action} trait (Gatling 3.15: extending {@code
 * ChainableAction} from Java does not work).
 */
public final class MilvusSearchAction implements Action {
  private static final Logger LOGGER = Logger$.MODULE$.apply(MilvusSearchAction.class);
  private static final Option<String> NONE = Option.empty();

  private final String requestName;
  private final SearchRequest template;
  private final MilvusComponents components;
  private final long deadlineMillis;
  private final StatsEngine statsEngine;
  private final Action next;
  private final QueryVectors queries;
  private final String vectorsKey;
  private final Function<io.gatling.javaapi.core.Session, float[]> vectorsFunction;
  private final int nq;
  private final SearchObserver observer;
  private final StartSchedule schedule;
  private final boolean silent;
  // nq = 1 from a query set: the request of every query, built once (they share the encoded vectors
  // and keep protobuf's cached size), instead of a template copy per request.
  private final SearchRequest[] requestOfQuery;

  public MilvusSearchAction(SearchSpec spec, SearchRequest template, MilvusComponents components,
      StatsEngine statsEngine, Action next) {
    this.requestName = spec.requestName();
    this.template = template;
    this.components = components;
    this.deadlineMillis = components.protocol().deadlineMillis();
    this.statsEngine = statsEngine;
    this.next = next;
    this.queries = spec.queries();
    this.vectorsKey = spec.vectorsKey();
    this.vectorsFunction = spec.vectorsFunction();
    this.nq = spec.nq();
    this.observer = spec.observer();
    this.schedule = spec.schedule();
    this.silent = spec.silent();
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
  public String name() {
    return requestName;
  }

  @Override
  public Logger logger() {
    return LOGGER;
  }

  @Override
  public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
    // The logger is static; nothing to initialise per instance.
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
        // A user's feeder or function failed: Gatling's convention is a crash record, then go on.
        statsEngine.logRequestCrash(session.scenario(), session.groups(), requestName, "query vector: " + e.getMessage());
        next.$bang(session.markAsFailed());
        return;
      }
      ByteString encoded = QueryVectors.encode(vector);
      request = template.toBuilder()
          .setPlaceholderGroup(QueryVectors.placeholderGroup(nq == 1 ? List.of(encoded) : Collections.nCopies(nq, encoded)))
          .build();
    }
    ClientCall<SearchRequest, SearchResults> grpcCall = components.channelFor(session.eventLoop())
        .newCall(SearchMethod.SEARCH, CallOptions.DEFAULT.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS));
    long sendNanos = System.nanoTime();
    SearchCall call = new SearchCall(this, session, schedule.intendedStartNanos(sendNanos), firstQueryIndex);
    // A unary call by hand (as grpc-stub's ClientCalls does), without its adapter objects.
    grpcCall.start(call, new Metadata());
    grpcCall.request(1);
    try {
      grpcCall.sendMessage(request);
      grpcCall.halfClose();
    } catch (RuntimeException e) {
      // The call then closes with CANCELLED: a KO, and the user resumes through the listener.
      grpcCall.cancel("sending the search failed", e);
    }
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

  /** Finishes a call on the virtual user's event loop. */
  void complete(SearchCall call) {
    boolean ok;
    String code = null;
    String message = null;
    if (call.error != null) {
      ok = false;
      code = call.error.getCode().name();
      message = call.error.getDescription() == null ? code : code + ": " + call.error.getDescription();
    } else {
      io.milvus.grpc.Status status = call.results.getStatus();
      ok = status.getCode() == 0 && status.getErrorCodeValue() == 0;
      if (!ok) {
        code = Integer.toString(status.getCode() != 0 ? status.getCode() : status.getErrorCodeValue());
        message = status.getReason().isEmpty() ? status.getErrorCode().name() : status.getReason();
      }
    }
    // Converted once: observers and Gatling get the same latency (Gatling in whole ms). Stamped
    // when the reply arrived, not after the hand-over to this event loop.
    long latencyMicros = Math.max(0, (call.endNanos - call.startNanos + 500) / 1000);
    long endEpochMicros = EpochClock.epochMicros(call.endNanos);
    observer.onSearch(ok, endEpochMicros - latencyMicros, latencyMicros, call.firstQueryIndex, ok ? call.results : null);
    Session session = ok ? call.session : call.session.markAsFailed();
    if (!silent) {
      long endMillis = Math.round(endEpochMicros / 1000.0);
      long startMillis = endMillis - Math.round(latencyMicros / 1000.0);
      statsEngine.logResponse(
          session.scenario(), session.groups(), requestName, startMillis, endMillis,
          ok ? OK$.MODULE$ : KO$.MODULE$, ok ? NONE : Option.apply(code), ok ? NONE : Option.apply(message));
      if (!session.blockStack().isEmpty()) {
        session = session.logGroupRequestTimings(startMillis, endMillis);
      }
    }
    next.$bang(session);
  }
}
