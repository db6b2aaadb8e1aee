package org.milvusbench.gatling.internal;

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
import io.grpc.MethodDescriptor;
import java.util.concurrent.TimeUnit;
import org.milvusbench.gatling.core.StartSchedule;
import scala.Option;

/**
 * What every Milvus action shares: one unary gRPC call started by hand on a channel of the virtual
 * user's own event loop (no thread per request, nothing blocks the Gatling thread), and, when the
 * answer arrives, OK/KO to Gatling under the action's request name, the observer, and the user's
 * resume, all on that loop. Subclasses build the request and read the reply.
 *
 * <p>A Java implementation of Gatling's Scala {@code Action} trait (Gatling 3.15: extending {@code
 * ChainableAction} from Java does not work).
 *
 * @param <Req> the request message
 * @param <Resp> the reply message, which carries a Milvus {@link io.milvus.grpc.Status}
 */
abstract class UnaryAction<Req, Resp> implements Action {
  private static final Logger LOGGER = Logger$.MODULE$.apply(UnaryAction.class);
  private static final Option<String> NONE = Option.empty();

  private final String requestName;
  private final MethodDescriptor<Req, Resp> method;
  private final MilvusComponents components;
  private final long deadlineMillis;
  private final StatsEngine statsEngine;
  private final Action next;
  private final StartSchedule schedule;
  private final boolean silent;

  UnaryAction(ActionSpec<?> spec, MethodDescriptor<Req, Resp> method, MilvusComponents components,
      StatsEngine statsEngine, Action next) {
    this.requestName = spec.requestName();
    this.method = method;
    this.components = components;
    this.deadlineMillis = components.protocol().deadlineMillis();
    this.statsEngine = statsEngine;
    this.next = next;
    this.schedule = spec.schedule();
    this.silent = spec.silent();
  }

  /** The Milvus status inside a reply (success is code 0 and error code 0). */
  abstract io.milvus.grpc.Status status(Resp response);

  /**
   * Tells the action's observer about a completed request, on the user's event loop.
   *
   * @param tag what {@link #send} was given
   * @param response the reply when {@code ok}, else null
   */
  abstract void observe(boolean ok, long startEpochMicros, long latencyMicros, int tag, Resp response);

  /** The session after a successful reply; the default changes nothing. */
  Session afterSuccess(Session session, Resp response) {
    return session;
  }

  @Override
  public final String name() {
    return requestName;
  }

  @Override
  public final Logger logger() {
    return LOGGER;
  }

  @Override
  public final void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
    // The logger is static; nothing to initialise per instance.
  }

  /** Sends {@code request} for {@code session}; {@code tag} comes back to {@link #observe}. */
  final void send(Session session, Req request, int tag) {
    ClientCall<Req, Resp> grpcCall = components.channelFor(session.eventLoop())
        .newCall(method, CallOptions.DEFAULT.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS));
    long sendNanos = System.nanoTime();
    UnaryCall<Req, Resp> call = new UnaryCall<>(this, session, schedule.intendedStartNanos(sendNanos), tag);
    // A unary call by hand (as grpc-stub's ClientCalls does), without its adapter objects.
    grpcCall.start(call, new Metadata());
    grpcCall.request(1);
    try {
      grpcCall.sendMessage(request);
      grpcCall.halfClose();
    } catch (RuntimeException e) {
      // The call then closes with CANCELLED: a KO, and the user resumes through the listener.
      grpcCall.cancel("sending the request failed", e);
    }
  }

  /**
   * The request could not be built (a user's feeder or function failed): Gatling's convention is a
   * crash record, then the user goes on, failed.
   */
  final void crash(Session session, String message) {
    statsEngine.logRequestCrash(session.scenario(), session.groups(), requestName, message);
    next.$bang(session.markAsFailed());
  }

  /** Finishes a call on the virtual user's event loop. */
  final void complete(UnaryCall<Req, Resp> call) {
    boolean ok;
    String code = null;
    String message = null;
    if (call.error != null) {
      ok = false;
      code = call.error.getCode().name();
      message = KoMessages.of(call.error, deadlineMillis);
    } else {
      io.milvus.grpc.Status status = status(call.response);
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
    observe(ok, endEpochMicros - latencyMicros, latencyMicros, call.tag, ok ? call.response : null);
    Session session = ok ? afterSuccess(call.session, call.response) : call.session.markAsFailed();
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
