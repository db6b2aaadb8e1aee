package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milvusbench.gatling.MilvusDsl.milvus;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.milvusbench.gatling.internal.MilvusProtocol;

/** The protocol builder: defaults, one protocol instance per builder, checks with their messages. */
class MilvusProtocolBuilderTest {

  @Test
  void defaultsAreALocalMilvusWithATenSecondDeadlineAndOneChannelPerLoop() {
    MilvusProtocol protocol = milvus().protocol();
    assertEquals("localhost", protocol.endpoint().host());
    assertEquals(19530, protocol.endpoint().port());
    assertNull(protocol.endpoint().token());
    assertNull(protocol.endpoint().db());
    assertEquals(MilvusProtocolBuilder.DEFAULT_DEADLINE_MILLIS, protocol.deadlineMillis());
    assertEquals(MilvusProtocolBuilder.DEFAULT_CHANNELS, protocol.channels());
  }

  @Test
  void aBuilderHasOneProtocolAndSettersMakeNewOnes() {
    MilvusProtocolBuilder base = milvus();
    assertSame(base.protocol(), base.protocol(), "repeated protocol() calls must not mean new connections");
    assertNotSame(milvus().protocol(), milvus().protocol(), "two milvus() are two sets of connections");
    MilvusProtocolBuilder twoChannels = base.channels(2);
    assertEquals(2, twoChannels.protocol().channels());
    assertEquals(1, base.protocol().channels(), "the original is unchanged");
  }

  @Test
  void uriTokenAndDbComposeInAnyOrder() {
    MilvusProtocol protocol = milvus().token("user:secret").db("bench").uri("https://milvus.example:443")
        .deadline(Duration.ofSeconds(3)).protocol();
    assertEquals("milvus.example", protocol.endpoint().host());
    assertTrue(protocol.endpoint().tls());
    assertEquals("user:secret", protocol.endpoint().token());
    assertEquals("bench", protocol.endpoint().db());
    assertEquals(3000, protocol.deadlineMillis());
    assertNull(milvus().token("user:secret").token(" ").protocol().endpoint().token(), "blank: no token");
  }

  @Test
  void invalidValuesAreRejectedAsTheyAreSet() {
    assertIllegal("deadline: PT0S is not a duration of 1 ms or more (e.g. 10s)", () -> milvus().deadline(Duration.ZERO));
    assertIllegal("deadline: null is not a duration of 1 ms or more (e.g. 10s)", () -> milvus().deadline(null));
    assertIllegal("channels: 0 is not in 1..64", () -> milvus().channels(0));
    assertIllegal("channels: 65 is not in 1..64", () -> milvus().channels(65));
    assertIllegal("milvus uri: empty (e.g. http://localhost:19530)", () -> milvus().uri(""));
  }

  private static void assertIllegal(String message, Executable setter) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, setter).getMessage());
  }
}
