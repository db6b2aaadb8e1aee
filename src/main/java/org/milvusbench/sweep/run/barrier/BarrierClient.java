package org.milvusbench.sweep.run.barrier;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.milvusbench.config.DurationText;

/**
 * One injector's side of the barrier: {@link #connect()} waits for injector 0 to answer, then
 * {@link #arrive} returns a future completed when every injector has arrived at the same barrier.
 * Failures are {@link BarrierException}s whose message names the address or the missing injectors.
 */
public final class BarrierClient implements AutoCloseable {
  private final String address;
  private final int index;
  private final int of;
  private final Duration timeout;
  private final ManagedChannel channel;

  public BarrierClient(String host, int port, int index, int of, Duration timeout) {
    this.address = host + ":" + port;
    this.index = index;
    this.of = of;
    this.timeout = timeout;
    // Keep-alive pings notice a barrier host that vanished without closing the connection while a
    // call is held (an arrival can wait as long as injector 0's data preparation).
    this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext()
        .keepAliveTime(30, TimeUnit.SECONDS).keepAliveWithoutCalls(true).build();
  }

  /** Waits up to the timeout for the barrier to answer (injector 0 may still be starting). */
  public void connect() {
    try {
      ClientCalls.blockingUnaryCall(channel, BarrierProtocol.PING,
          CallOptions.DEFAULT.withWaitForReady().withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS), "");
    } catch (StatusRuntimeException e) {
      throw new BarrierException("sweep.barrier: nothing answered at " + address + " within "
          + DurationText.format(timeout) + " (sweep.barrierTimeout); injector 0 serves the barrier there: is it"
          + " running, and is that its address? (" + e.getStatus().getCode() + ")");
    }
  }

  /** Arrives at {@code key}; the future completes when all injectors have, or fails with a {@link BarrierException}. */
  public CompletableFuture<Void> arrive(String key) {
    CompletableFuture<Void> released = new CompletableFuture<>();
    String arrival = new BarrierProtocol.Arrival(key, index, of).encode();
    Futures.addCallback(ClientCalls.futureUnaryCall(channel.newCall(BarrierProtocol.ARRIVE, CallOptions.DEFAULT), arrival),
        new FutureCallback<>() {
          @Override
          public void onSuccess(String reply) {
            released.complete(null);
          }

          @Override
          public void onFailure(Throwable t) {
            released.completeExceptionally(failure(key, Status.fromThrowable(t)));
          }
        }, MoreExecutors.directExecutor());
    return released;
  }

  /** {@link #arrive} and wait. */
  public void await(String key) {
    try {
      arrive(key).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof BarrierException b ? b : e;
    }
  }

  private BarrierException failure(String key, Status status) {
    return switch (status.getCode()) {
      case ABORTED, ALREADY_EXISTS, INVALID_ARGUMENT -> new BarrierException(status.getDescription());
      default -> new BarrierException("barrier " + key + ": the barrier at " + address + " went away while injector "
          + index + " waited (did injector 0 stop?): " + status.getCode()
          + (status.getDescription() == null ? "" : " " + status.getDescription()));
    };
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
