package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatling.core.session.Session;
import io.milvus.grpc.SearchRequest;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.milvusbench.gatling.NoopMilvusServer.Behaviour;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.internal.MilvusComponents;
import org.milvusbench.gatling.internal.MilvusProtocol;
import org.milvusbench.gatling.internal.MilvusSearchAction;
import org.milvusbench.gatling.internal.SearchRequestTemplate;
import org.milvusbench.gatling.internal.SearchSpec;

/** The search action against a real gRPC server (the no-op Milvus): OK, KO on error status, KO on deadline. */
class MilvusSearchActionTest {
  private static NoopMilvusServer server;
  private static DefaultEventLoop eventLoop;

  @BeforeAll
  static void start() throws Exception {
    server = new NoopMilvusServer(10);
    eventLoop = new DefaultEventLoop();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  @Test
  void okReplyIsLoggedOkAndObservedWithResults() throws Exception {
    Outcome outcome = run(Behaviour.OK, Duration.ofSeconds(5));
    assertEquals("OK", outcome.stats.status());
    assertEquals("search c=1", outcome.stats.requestName());
    assertFalse(outcome.session.isFailed());
    assertTrue(outcome.observedOk);
    assertEquals(10, outcome.observedIds);
    assertEquals(0, outcome.observedQueryIndex);
    // One conversion to µs, in the action: Gatling's whole milliseconds come from the observer's value.
    assertEquals(Math.round(outcome.observedLatencyMicros / 1000.0), outcome.stats.endMillis() - outcome.stats.startMillis());
    assertEquals(Math.round((outcome.observedStartEpochMicros + outcome.observedLatencyMicros) / 1000.0),
        outcome.stats.endMillis());
    assertEquals("user:secret", server.lastHeader("authorization", true));
    assertEquals("bench", server.lastHeader("dbname", false));
  }

  @Test
  void errorStatusIsKoWithMilvusReason() throws Exception {
    Outcome outcome = run(Behaviour.ERROR_STATUS, Duration.ofSeconds(5));
    assertEquals("KO", outcome.stats.status());
    assertEquals(String.valueOf(NoopMilvusServer.ERROR_CODE), outcome.stats.code());
    assertEquals(NoopMilvusServer.ERROR_REASON, outcome.stats.message());
    assertTrue(outcome.session.isFailed());
    assertFalse(outcome.observedOk);
  }

  @Test
  void deadlineIsKo() throws Exception {
    Outcome outcome = run(Behaviour.NEVER_ANSWER, Duration.ofMillis(200));
    assertEquals("KO", outcome.stats.status());
    assertEquals("DEADLINE_EXCEEDED", outcome.stats.code());
    assertEquals("DEADLINE_EXCEEDED: no answer within the 200ms deadline", outcome.stats.message());
    assertTrue(outcome.stats.endMillis() - outcome.stats.startMillis() >= 150, "waited for the deadline");
    assertTrue(outcome.session.isFailed());
  }

  @Test
  void unreachableServerIsKo() throws Exception {
    MilvusProtocol protocol = MilvusDsl.milvus().uri("http://127.0.0.1:1").protocol();
    Outcome outcome;
    try (MilvusComponents components = new MilvusComponents(protocol)) {
      // No hand-over assertion: once the channel has seen the refused connection, grpc fails the next
      // call inside start(), on the user's own thread (callFailingInsideStartIsOneKoAndOneResume); before
      // that, on the channel's loop. Which one depends on timing, and both are right.
      outcome = run(protocol, Behaviour.OK, components, eventLoop);
    }
    assertEquals("KO", outcome.stats.status());
    assertEquals("UNAVAILABLE", outcome.stats.code());
  }

  @Test
  void userOnAChannelLoopIsAnsweredAndResumedOnThatLoop() throws Exception {
    // As in a Gatling run: the components' channels live on the users' own event loops.
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    try {
      MilvusProtocol protocol = MilvusDsl.milvus().uri(server.uri()).protocol();
      try (MilvusComponents components = new MilvusComponents(protocol, loops, NioSocketChannel::new)) {
        for (int i = 0; i < 2; i++) {
          EventLoop loop = loops.next();
          Outcome outcome = run(protocol, Behaviour.OK, components, loop);
          assertEquals("OK", outcome.stats.status());
          assertTrue(loop.inEventLoop(outcome.statsThread), "logged on the user's own loop");
          assertTrue(loop.inEventLoop(outcome.observerThread), "observed on the user's own loop");
          assertTrue(outcome.resumedInsideGrpcListener, "resumed inline by the gRPC listener, no hand-over task");
        }
      }
    } finally {
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  @Test
  void requestCarriesTheTemplateAndTheQueryVector() {
    MilvusSearchActionBuilder spec = MilvusDsl.search("s").collection("c").annsField("embedding")
        .vectors(QueryVectors.uniform(3, 4, 7)).topK(5).ef(64).metric("L2").filter("category == \"B\"");
    SearchRequest request = SearchRequestTemplate.build(spec.wrapped, MilvusDsl.milvus().db("bench").protocol());
    assertEquals("c", request.getCollectionName());
    assertEquals("bench", request.getDbName());
    assertEquals("category == \"B\"", request.getDsl());
    List<String> params = new ArrayList<>();
    request.getSearchParamsList().forEach(kv -> params.add(kv.getKey() + "=" + kv.getValue()));
    assertEquals(List.of("anns_field=embedding", "topk=5", "round_decimal=-1", "ignore_growing=false", "offset=0",
        "params={\"ef\":64}", "metric_type=L2"), params);
  }

  private Outcome run(Behaviour behaviour, Duration deadline) throws Exception {
    return run(MilvusDsl.milvus().uri(server.uri()).token("user:secret").db("bench").deadline(deadline).protocol(), behaviour);
  }

  private Outcome run(MilvusProtocol protocol, Behaviour behaviour) throws Exception {
    try (MilvusComponents components = new MilvusComponents(protocol)) {
      // A user whose loop is not the channels' one: the reply is handed over to it.
      Outcome outcome = run(protocol, behaviour, components, eventLoop);
      assertFalse(outcome.resumedInsideGrpcListener, "a foreign loop's user is resumed by a hand-over task");
      return outcome;
    }
  }

  @Test
  void callFailingInsideStartIsOneKoAndOneResume() throws Exception {
    // A shut-down channel fails the call inside start(), on the user's own thread, before execute() returns.
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      MilvusProtocol protocol = MilvusDsl.milvus().uri(server.uri()).protocol();
      MilvusComponents components = new MilvusComponents(protocol, loops, NioSocketChannel::new);
      components.close();
      Outcome outcome = run(protocol, Behaviour.OK, components, loops.next());
      assertEquals("KO", outcome.stats.status());
      assertEquals("UNAVAILABLE", outcome.stats.code());
      Thread.sleep(200);
      assertEquals(1, outcome.resumes.get(), "resumed exactly once");
    } finally {
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private Outcome run(MilvusProtocol protocol, Behaviour behaviour, MilvusComponents components, EventLoop userLoop)
      throws Exception {
    server.behaviour(behaviour);
    Outcome outcome = new Outcome();
    QueryVectors queries = QueryVectors.uniform(4, 8, 1);
    SearchSpec spec = MilvusDsl.search("search c=1").collection("c").vectors(queries)
        .observer((ok, start, latencyMicros, first, results) -> {
          outcome.observedOk = ok;
          outcome.observedStartEpochMicros = start;
          outcome.observedLatencyMicros = latencyMicros;
          outcome.observerThread = Thread.currentThread();
          outcome.resumedInsideGrpcListener = ActionRun.insideGrpcListener();
          outcome.observedQueryIndex = first;
          outcome.observedIds = results == null ? -1 : results.getResults().getIds().getIntId().getDataCount();
        }).wrapped;
    ActionRun run = new ActionRun();
    MilvusSearchAction action = new MilvusSearchAction(spec, SearchRequestTemplate.build(spec, protocol),
        components, run.stats, run.next);
    outcome.session = run.execute(action, userLoop);
    outcome.resumes = run.resumes;
    outcome.stats = run.stats.single();
    outcome.statsThread = run.stats.thread;
    return outcome;
  }

  private static final class Outcome {
    RecordingStatsEngine.Response stats;
    Session session;
    volatile boolean observedOk;
    volatile int observedQueryIndex = -2;
    volatile int observedIds;
    volatile long observedStartEpochMicros;
    volatile long observedLatencyMicros;
    volatile Thread observerThread;
    volatile boolean resumedInsideGrpcListener;
    AtomicInteger resumes;
    Thread statsThread;
  }
}
