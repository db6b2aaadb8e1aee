package org.milvusbench.sweep.run.barrier;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.milvusbench.config.DurationText;

/**
 * The barrier injector 0 serves: an {@code Arrive} call is held until all {@code of} injectors have
 * arrived at the same key, then every held call is answered together. The timeout runs from
 * injector 0's own arrival (before it, injector 0 may still be preparing the collection, which has
 * no fixed length); when it passes, every held call fails naming the injectors that did not come.
 */
public final class BarrierServer implements AutoCloseable {
  private final int of;
  private final Duration timeout;
  private final Server server;
  private final Map<String, Gate> gates = new HashMap<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "milvus-sweep-barrier-timeout");
    t.setDaemon(true);
    return t;
  });

  /** One barrier: who has arrived, whose calls are held, and how it ended (null while open). */
  private static final class Gate {
    final SortedSet<Integer> arrived = new TreeSet<>();
    final List<StreamObserver<String>> held = new ArrayList<>();
    ScheduledFuture<?> timer;
    Status outcome;
  }

  private BarrierServer(int of, Duration timeout, String bindHost, int port) {
    this.of = of;
    this.timeout = timeout;
    ServerServiceDefinition service = ServerServiceDefinition.builder(BarrierProtocol.SERVICE)
        .addMethod(BarrierProtocol.PING, ServerCalls.asyncUnaryCall((request, reply) -> {
          reply.onNext("");
          reply.onCompleted();
        }))
        .addMethod(BarrierProtocol.ARRIVE, ServerCalls.asyncUnaryCall(this::arrive))
        .build();
    // Clients ping every 30 s while they wait (a long data preparation): allow it.
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress(bindHost, port)).addService(service)
        .permitKeepAliveTime(10, TimeUnit.SECONDS).permitKeepAliveWithoutCalls(true).build();
  }

  /** Listens on {@code bindHost:port} (0 = any free port) for a barrier of {@code of} injectors. */
  public static BarrierServer start(int of, Duration timeout, String bindHost, int port) {
    BarrierServer barrier = new BarrierServer(of, timeout, bindHost, port);
    try {
      barrier.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("sweep.barrier: injector 0 cannot listen on " + bindHost + ":" + port + ": "
          + e.getMessage(), e);
    }
    return barrier;
  }

  public int port() {
    return server.getPort();
  }

  /** The injectors that have arrived at {@code key} so far (for tests and logs). */
  public synchronized SortedSet<Integer> arrived(String key) {
    Gate gate = gates.get(key);
    return gate == null ? new TreeSet<>() : new TreeSet<>(gate.arrived);
  }

  private synchronized void arrive(String request, StreamObserver<String> reply) {
    BarrierProtocol.Arrival a;
    try {
      a = BarrierProtocol.Arrival.decode(request);
    } catch (IllegalArgumentException e) {
      reply.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    if (a.of() != of || a.index() < 0 || a.index() >= of) {
      reply.onError(Status.INVALID_ARGUMENT.withDescription("injector " + a.index() + " of " + a.of()
          + " arrived at a barrier of " + of + " injectors (0.." + (of - 1) + "): sweep.injectors and"
          + " sweep.injectorIndex must agree across injectors").asRuntimeException());
      return;
    }
    Gate gate = gates.computeIfAbsent(a.key(), k -> new Gate());
    if (gate.outcome != null) {
      answer(reply, gate.outcome);
      return;
    }
    if (!gate.arrived.add(a.index())) {
      reply.onError(Status.ALREADY_EXISTS.withDescription("barrier " + a.key() + ": injector " + a.index()
          + " arrived twice (do two injectors have one sweep.injectorIndex?)").asRuntimeException());
      return;
    }
    gate.held.add(reply);
    if (gate.arrived.size() == of) {
      end(gate, Status.OK);
    } else if (a.index() == 0) {
      gate.timer = timers.schedule(() -> timedOut(a.key(), gate), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private synchronized void timedOut(String key, Gate gate) {
    if (gate.outcome != null) {
      return;
    }
    String missing = IntStream.range(0, of).filter(i -> !gate.arrived.contains(i)).mapToObj(Integer::toString)
        .collect(Collectors.joining(", "));
    end(gate, Status.ABORTED.withDescription("barrier " + key + ": injector" + (missing.contains(",") ? "s " : " ")
        + missing + " did not arrive within " + DurationText.format(timeout) + " (sweep.barrierTimeout) of injector 0;"
        + " arrived: " + gate.arrived.stream().map(Object::toString).collect(Collectors.joining(", "))));
  }

  private void end(Gate gate, Status outcome) {
    gate.outcome = outcome;
    if (gate.timer != null) {
      gate.timer.cancel(false);
    }
    gate.held.forEach(reply -> answer(reply, outcome));
    gate.held.clear();
  }

  private static void answer(StreamObserver<String> reply, Status outcome) {
    try {
      if (outcome.isOk()) {
        reply.onNext("");
        reply.onCompleted();
      } else {
        reply.onError(outcome.asRuntimeException());
      }
    } catch (RuntimeException e) {
      // That injector's call was cancelled (it died): nobody is left to answer.
    }
  }

  /** Stops listening; answers already sent are delivered first. */
  @Override
  public void close() {
    timers.shutdownNow();
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
