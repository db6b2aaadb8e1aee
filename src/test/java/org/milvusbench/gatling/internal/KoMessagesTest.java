package org.milvusbench.gatling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** One cause, one message: what grpc-java varies per call (elapsed time, channel internals) is dropped. */
class KoMessagesTest {

  @Test
  void deadlinesNameTheDeadlineNotTheElapsedTime() {
    Status a = Status.DEADLINE_EXCEEDED.withDescription("CallOptions deadline exceeded after 9.999998517s. Name "
        + "resolution delay 0.000000000 seconds. [closed=[], open=[[buffered_nanos=10001234, remote_addr=localhost/127.0.0.1:19530]]]");
    Status b = Status.DEADLINE_EXCEEDED.withDescription("ClientCall started after CallOptions deadline was exceeded -0.06s");
    assertEquals("DEADLINE_EXCEEDED: no answer within the 10s deadline", KoMessages.of(a, 10_000));
    assertEquals(KoMessages.of(a, 10_000), KoMessages.of(b, 10_000));
    assertEquals("DEADLINE_EXCEEDED: no answer within the 250ms deadline", KoMessages.of(a, 250));
  }

  @Test
  void otherFailuresLoseTheirChannelInternalsAndTimings() {
    Status refused = Status.UNAVAILABLE.withDescription("io exception [closed=[], open=[[remote_addr=127.0.0.1:1]]]");
    assertEquals("UNAVAILABLE: io exception", KoMessages.of(refused, 10_000));
    Status delayed = Status.UNAVAILABLE.withDescription("Connection closed after GOAWAY, waited 0.153s");
    Status later = Status.UNAVAILABLE.withDescription("Connection closed after GOAWAY, waited 1.2s");
    assertEquals("UNAVAILABLE: Connection closed after GOAWAY, waited …", KoMessages.of(delayed, 10_000));
    assertEquals(KoMessages.of(delayed, 10_000), KoMessages.of(later, 10_000));
    assertEquals("CANCELLED", KoMessages.of(Status.CANCELLED, 10_000));
  }
}
