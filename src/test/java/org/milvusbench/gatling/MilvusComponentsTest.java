package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.milvusbench.gatling.internal.MilvusComponents;
import org.milvusbench.gatling.internal.MilvusProtocol;

/** Channel routing: a user gets the channels of its own event loop, round-robin; others get any. */
class MilvusComponentsTest {

  @Test
  void eachLoopHasItsOwnChannelsUsedRoundRobin() throws Exception {
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    DefaultEventLoop foreign = new DefaultEventLoop();
    MilvusProtocol protocol = MilvusDsl.milvus().uri("http://127.0.0.1:19530").channels(2).protocol();
    try (MilvusComponents components = new MilvusComponents(protocol, loops, NioSocketChannel::new)) {
      EventLoop a = loops.next();
      EventLoop b = loops.next();
      assertNotSame(a, b);
      ManagedChannel a1 = onLoop(a, components);
      ManagedChannel a2 = onLoop(a, components);
      assertNotSame(a1, a2);
      assertSame(a1, onLoop(a, components), "round-robin over the loop's 2 channels");
      Set<ManagedChannel> ofB = Set.of(onLoop(b, components), onLoop(b, components));
      assertEquals(2, ofB.size());
      assertTrue(!ofB.contains(a1) && !ofB.contains(a2), "loops do not share channels");
      Set<ManagedChannel> any = new HashSet<>();
      for (int i = 0; i < 8; i++) {
        any.add(components.channelFor(foreign));
      }
      assertEquals(4, any.size(), "a foreign loop's users are spread over all channels");
    } finally {
      foreign.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /** Asks as the loop's own thread does (the per-loop cursor is that thread's). */
  private static ManagedChannel onLoop(EventLoop loop, MilvusComponents components) throws Exception {
    return loop.submit(() -> components.channelFor(loop)).get(5, TimeUnit.SECONDS);
  }
}
