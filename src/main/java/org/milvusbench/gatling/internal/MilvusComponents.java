package org.milvusbench.gatling.internal;

import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * The live side of a {@link MilvusProtocol}: gRPC channels (HTTP/2 connections) with the headers a
 * Milvus server expects, {@link MilvusProtocol#channels()} of them on each of Gatling's event loops
 * (Netty's default: two per core).
 *
 * <p>A virtual user sends through a channel of its own loop, so its request, the reply and its resume
 * all run on one thread, as with Gatling's own HTTP client: no hand-over per request. Shared by every
 * scenario using the same protocol; closed when Gatling terminates.
 */
public final class MilvusComponents implements ProtocolComponents, AutoCloseable {
  /** Search replies with output fields can be large; Milvus itself allows far more than gRPC's 4 MiB. */
  private static final int MAX_INBOUND_BYTES = 256 * 1024 * 1024;

  private final MilvusProtocol protocol;
  private final EventLoopGroup ownedLoops;
  private final LoopChannels[] byLoop;
  private final ManagedChannel[] all;
  private final AtomicInteger nextAny = new AtomicInteger();

  /** One loop's channels and round-robin cursor; the cursor is only touched by that loop's thread. */
  private static final class LoopChannels {
    final EventLoop loop;
    final ManagedChannel[] channels;
    int next;

    LoopChannels(EventLoop loop, ManagedChannel[] channels) {
      this.loop = loop;
      this.channels = channels;
    }
  }

  /**
   * Channels on the given event loops (Gatling's), created by {@code channelFactory}, which must
   * suit those loops (NIO, epoll or io_uring).
   */
  public MilvusComponents(MilvusProtocol protocol, EventLoopGroup loops, ChannelFactory<? extends Channel> channelFactory) {
    this(protocol, loops, channelFactory, null);
  }

  /** Standalone (tools, tests): on one NIO event loop of its own, closed with the components. */
  public MilvusComponents(MilvusProtocol protocol) {
    this(protocol, new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()));
  }

  private MilvusComponents(MilvusProtocol protocol, EventLoopGroup owned) {
    this(protocol, owned, NioSocketChannel::new, owned);
  }

  private MilvusComponents(
      MilvusProtocol protocol, EventLoopGroup group, ChannelFactory<? extends Channel> channelFactory, EventLoopGroup owned) {
    this.protocol = protocol;
    this.ownedLoops = owned;
    Metadata headers = new Metadata();
    protocol.endpoint().requestHeaders().forEach((name, value) -> headers.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value));
    List<LoopChannels> loops = new ArrayList<>();
    List<ManagedChannel> channels = new ArrayList<>();
    for (EventExecutor executor : group) {
      EventLoop loop = (EventLoop) executor;
      ManagedChannel[] own = new ManagedChannel[protocol.channels()];
      for (int c = 0; c < own.length; c++) {
        own[c] = newChannel(protocol, loop, channelFactory, headers);
        channels.add(own[c]);
      }
      loops.add(new LoopChannels(loop, own));
    }
    this.byLoop = loops.toArray(new LoopChannels[0]);
    this.all = channels.toArray(new ManagedChannel[0]);
  }

  private static ManagedChannel newChannel(
      MilvusProtocol protocol, EventLoop loop, ChannelFactory<? extends Channel> channelFactory, Metadata headers) {
    NettyChannelBuilder builder =
        NettyChannelBuilder.forAddress(protocol.endpoint().host(), protocol.endpoint().port())
            // One loop per channel: its connection, replies and timers stay on that thread.
            .eventLoopGroup(loop)
            .channelFactory(channelFactory)
            .maxInboundMessageSize(MAX_INBOUND_BYTES)
            // Listeners only record and resume the user, on the loop they already run on.
            .directExecutor()
            // A load test counts what the target answered: no transparent retries, and no
            // RetriableStream buffering every request on the hot path.
            .disableRetry();
    if (!headers.keys().isEmpty()) {
      // Without token or database there is nothing to attach: no interceptor on the hot path.
      builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    if (protocol.endpoint().tls()) {
      builder.useTransportSecurity();
    } else {
      builder.usePlaintext();
    }
    return builder.build();
  }

  public MilvusProtocol protocol() {
    return protocol;
  }

  /**
   * A channel for a virtual user on {@code loop}: one of that loop's, round-robin; a user of another
   * loop (not one of Gatling's) gets any channel, and its reply is handed over to its loop.
   */
  public ManagedChannel channelFor(EventLoop loop) {
    for (LoopChannels own : byLoop) {
      if (own.loop == loop) {
        ManagedChannel[] channels = own.channels;
        if (channels.length == 1) {
          return channels[0];
        }
        int next = own.next;
        own.next = next + 1 == channels.length ? 0 : next + 1;
        return channels[next];
      }
    }
    return all[(nextAny.getAndIncrement() & Integer.MAX_VALUE) % all.length];
  }

  @Override
  public Function1<Session, Session> onStart() {
    return Session.Identity();
  }

  @Override
  public Function1<Session, BoxedUnit> onExit() {
    return ProtocolComponents.NoopOnExit();
  }

  /** Shuts the channels down, waiting up to 5 s in all for in-flight calls, then cancels what is left. */
  @Override
  public void close() {
    for (ManagedChannel channel : all) {
      channel.shutdown();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (ManagedChannel channel : all) {
      try {
        if (!channel.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    if (ownedLoops != null) {
      ownedLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}
