package org.milvusbench.sweep.run.barrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The barrier over real gRPC on loopback: three injectors, injector 0 serving it. */
class BarrierTest {
  private static final Duration LONG = Duration.ofSeconds(60);

  private static BarrierClient client(BarrierServer server, int index, Duration timeout) {
    BarrierClient client = new BarrierClient("127.0.0.1", server.port(), index, 3, timeout);
    client.connect();
    return client;
  }

  /** Waits (without a time limit: the test's own timeout applies) until the server has seen these arrivals. */
  private static void awaitArrived(BarrierServer server, String key, Set<Integer> expected) throws InterruptedException {
    while (!server.arrived(key).equals(new java.util.TreeSet<>(expected))) {
      Thread.sleep(5);
    }
  }

  @Test
  void releasesEveryInjectorOnlyWhenAllThreeHaveArrived() throws Exception {
    try (BarrierServer server = BarrierServer.start(3, LONG, "127.0.0.1", 0);
        BarrierClient c0 = client(server, 0, LONG); BarrierClient c1 = client(server, 1, LONG);
        BarrierClient c2 = client(server, 2, LONG)) {
      CompletableFuture<Void> a1 = c1.arrive("level 1 (c=3)");
      CompletableFuture<Void> a0 = c0.arrive("level 1 (c=3)");
      awaitArrived(server, "level 1 (c=3)", Set.of(0, 1));
      assertFalse(a0.isDone() || a1.isDone(), "held until the third arrives");
      c2.await("level 1 (c=3)");
      a0.get(30, TimeUnit.SECONDS);
      a1.get(30, TimeUnit.SECONDS);
      // Each key is its own barrier: the next level holds again.
      CompletableFuture<Void> next = c2.arrive("level 2 (c=6)");
      awaitArrived(server, "level 2 (c=6)", Set.of(2));
      assertFalse(next.isDone());
    }
  }

  @Test
  void aMissingInjectorFailsEveryoneAfterTheTimeoutNamingItAndTheLevel() throws Exception {
    try (BarrierServer server = BarrierServer.start(3, Duration.ofMillis(200), "127.0.0.1", 0);
        BarrierClient c0 = client(server, 0, LONG); BarrierClient c1 = client(server, 1, LONG)) {
      CompletableFuture<Void> a1 = c1.arrive("level 2 (c=6)");
      // Injector 1 is in before injector 0 arrives, whose arrival starts the timeout: only 2 is missing.
      awaitArrived(server, "level 2 (c=6)", Set.of(1));
      CompletableFuture<Void> a0 = c0.arrive("level 2 (c=6)");
      String expected = "barrier level 2 (c=6): injector 2 did not arrive within 200ms (sweep.barrierTimeout) of"
          + " injector 0; arrived: 0, 1";
      assertEquals(expected, failure(a0).getMessage());
      assertEquals(expected, failure(a1).getMessage());
      // A latecomer gets the same verdict rather than waiting alone.
      try (BarrierClient late = client(server, 2, LONG)) {
        assertEquals(expected, assertThrows(BarrierException.class, () -> late.await("level 2 (c=6)")).getMessage());
      }
    }
  }

  @Test
  void anUnreachableBarrierIsNamedByItsAddress() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (BarrierClient client = new BarrierClient("127.0.0.1", port, 1, 3, Duration.ofMillis(300))) {
      String message = assertThrows(BarrierException.class, client::connect).getMessage();
      assertTrue(message.startsWith("sweep.barrier: nothing answered at 127.0.0.1:" + port + " within 300ms"), message);
    }
  }

  @Test
  void injectorsThatDisagreeOnTheirNumberOrIndexAreTurnedAway() throws Exception {
    try (BarrierServer server = BarrierServer.start(3, LONG, "127.0.0.1", 0);
        BarrierClient wrongCount = new BarrierClient("127.0.0.1", server.port(), 1, 4, LONG);
        BarrierClient first = client(server, 1, LONG); BarrierClient twin = client(server, 1, LONG)) {
      assertEquals("injector 1 of 4 arrived at a barrier of 3 injectors (0..2): sweep.injectors and sweep.injectorIndex"
          + " must agree across injectors", assertThrows(BarrierException.class, () -> wrongCount.await("prepared")).getMessage());
      first.arrive("prepared");
      awaitArrived(server, "prepared", Set.of(1));
      assertEquals("barrier prepared: injector 1 arrived twice (do two injectors have one sweep.injectorIndex?)",
          assertThrows(BarrierException.class, () -> twin.await("prepared")).getMessage());
    }
  }

  private static BarrierException failure(CompletableFuture<Void> arrival) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> arrival.get(30, TimeUnit.SECONDS));
    return (BarrierException) e.getCause();
  }
}
