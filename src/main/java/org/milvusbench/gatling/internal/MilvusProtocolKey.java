package org.milvusbench.gatling.internal;

import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.config.NettyConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import io.gatling.netty.util.Transports;
import java.util.IdentityHashMap;
import java.util.Map;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * Gatling's registry key for the Milvus protocol (the Scala-trait glue). Components are memoised
 * per protocol instance so every scenario of a simulation shares one set of channels, and closed
 * when Gatling's actor system terminates.
 */
public final class MilvusProtocolKey implements ProtocolKey<MilvusProtocol, MilvusComponents> {
  // Static because Gatling may ask for a components factory once per scenario; identity because
  // two equal-looking protocols in one simulation may be meant to use separate connections.
  private static final Map<MilvusProtocol, MilvusComponents> BY_PROTOCOL = new IdentityHashMap<>();

  @Override
  @SuppressWarnings("unchecked")
  public Class<Protocol> protocolClass() {
    return (Class<Protocol>) (Class<?>) MilvusProtocol.class;
  }

  @Override
  public MilvusProtocol defaultProtocolValue(GatlingConfiguration configuration) {
    throw new IllegalStateException(
        "no Milvus protocol: add .protocols(MilvusDsl.milvus().uri(\"http://host:19530\")) to setUp(...)");
  }

  @Override
  public Function1<MilvusProtocol, MilvusComponents> newComponents(CoreComponents coreComponents) {
    return protocol -> {
      synchronized (BY_PROTOCOL) {
        return BY_PROTOCOL.computeIfAbsent(
            protocol,
            p -> {
              // Gatling's own loops and transport (NIO, epoll or io_uring, as gatling.conf says).
              NettyConfiguration netty = coreComponents.configuration().netty();
              MilvusComponents components = new MilvusComponents(p, coreComponents.eventLoopGroup(),
                  Transports.newSocketChannelFactory(netty.useNativeTransport(), netty.useIoUring()));
              coreComponents
                  .actorSystem()
                  .registerOnTermination(
                      () -> {
                        synchronized (BY_PROTOCOL) {
                          BY_PROTOCOL.remove(p);
                        }
                        components.close();
                        return BoxedUnit.UNIT;
                      });
              return components;
            });
      }
    };
  }
}
