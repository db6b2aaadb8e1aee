package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DSL in a real, in-process Gatling run against the no-op Milvus: every request reaches the
 * server and the observer, and Gatling assertions decide the exit code (an impossible p95 fails).
 */
class MilvusDslGatlingTest {
  private static NoopMilvusServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new NoopMilvusServer(10);
    System.setProperty("dsl.uri", server.uri());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static int runGatling(int p95Ms) {
    System.setProperty("dsl.p95Ms", Integer.toString(p95Ms));
    return io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
        "-s", DslSimulation.class.getName(), "-rf", "target/gatling-unit", "-nr"});
  }

  @Test
  void everySearchIsSentObservedAndAssertedOn() {
    long before = server.searches();
    DslSimulation.FEEDER_CALLS.set(0);
    assertEquals(0, runGatling(10_000), "lenient assertions pass");
    assertEquals(4 * 50 * 2, server.searches() - before);
    assertEquals(4 * 50, DslSimulation.FEEDER_CALLS.get());
    assertEquals(4 * 50, DslSimulation.recorder.snapshot().successes());
  }

  @Test
  void everyDataOperationIsSentAndObserved() {
    long[] before = {server.received("Insert"), server.received("Upsert"), server.received("Delete"),
        server.received("Query")};
    DslSimulation.ROWS.set(0);
    assertEquals(0, runGatling(10_000));
    long requests = 2 * 50;
    assertEquals(requests, server.received("Insert") - before[0]);
    assertEquals(requests, server.received("Upsert") - before[1]);
    assertEquals(requests, server.received("Delete") - before[2]);
    assertEquals(requests, server.received("Query") - before[3]);
    // Per round: 10 inserted, 1 upserted, 2 deleted, the no-op's count.
    assertEquals(requests * (10 + 1 + 2 + NoopDataMethods.COUNT), DslSimulation.ROWS.get());
  }

  @Test
  void anImpossibleSlaFailsTheRun() {
    assertNotEquals(0, runGatling(0), "p95 < 0 ms cannot hold");
  }
}
