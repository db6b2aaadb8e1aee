package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milvusbench.gatling.MilvusDsl.datasetRows;
import static org.milvusbench.gatling.MilvusDsl.delete;
import static org.milvusbench.gatling.MilvusDsl.insert;
import static org.milvusbench.gatling.MilvusDsl.query;
import static org.milvusbench.gatling.MilvusDsl.upsert;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.MsgType;
import io.milvus.grpc.UpsertRequest;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.milvusbench.gatling.NoopMilvusServer.Behaviour;
import org.milvusbench.gatling.internal.MilvusComponents;
import org.milvusbench.gatling.internal.MilvusProtocol;

/**
 * Insert, upsert, delete and query against the no-op Milvus: what goes on the wire, the rows its
 * replies report, KO on an error status or a deadline, and the resume on the user's own loop.
 */
class MilvusDataActionsNoopTest {
  private static NoopMilvusServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new NoopMilvusServer(10);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** One of each action, named after its kind. */
  static Stream<MilvusDataActionBuilder<?, ?>> everyAction() {
    return Stream.of(insert("insert").collection("c").rows(datasetRows(4, 1)).batchSize(2),
        upsert("upsert").collection("c").rows(datasetRows(4, 1).withIds()).batchSize(2),
        delete("delete").collection("c").ids(session -> new long[] {1, 2}),
        query("query").collection("c").filter("category == \"B\""));
  }

  @Test
  void upsertSendsTheRowsWithTheirIdsAsMilvusClientV2AndCountsWhatTheServerReports() throws Exception {
    server.behaviour(Behaviour.OK);
    OperationRun.Outcome outcome = run(upsert("upsert").collection("c").rows(datasetRows(4, 1).withIds()).batchSize(5),
        Duration.ofSeconds(5));
    assertEquals("OK", outcome.stats.status());
    assertEquals(5, outcome.rows);
    UpsertRequest sent = server.lastRequest("Upsert");
    assertEquals("c", sent.getCollectionName());
    assertEquals("bench", sent.getDbName());
    assertEquals(MsgType.Upsert, sent.getBase().getMsgType());
    assertEquals(5, sent.getNumRows());
    List<FieldData> columns = sent.getFieldsDataList();
    assertEquals(List.of("id", "embedding", "category"), columns.stream().map(FieldData::getFieldName).toList());
    assertEquals(List.of(DataType.Int64, DataType.FloatVector, DataType.VarChar),
        columns.stream().map(FieldData::getType).toList());
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), columns.get(0).getScalars().getLongData().getDataList());
    assertEquals(4, columns.get(1).getVectors().getDim());
    assertEquals(20, columns.get(1).getVectors().getFloatVector().getDataCount());
    assertEquals(5, columns.get(2).getScalars().getStringData().getDataCount());
  }

  @Test
  void deleteByIdsSendsThemOnThePrimaryKeyAsMilvusClientV2() throws Exception {
    server.behaviour(Behaviour.OK);
    OperationRun.Outcome outcome = run(delete("delete").collection("c").primaryKey("pk")
        .ids(session -> new long[] {3, 1, 2}), Duration.ofSeconds(5));
    assertEquals(3, outcome.rows);
    assertEquals("pk in [3,1,2]", server.<io.milvus.grpc.DeleteRequest>lastRequest("Delete").getExpr());
  }

  @Test
  void queryRowsAreTheRowsReturnedOrTheCount() throws Exception {
    server.behaviour(Behaviour.OK);
    assertEquals(NoopDataMethods.QUERY_ROWS,
        run(query("q").collection("c").filter("id > 0"), Duration.ofSeconds(5)).rows);
    assertEquals(NoopDataMethods.COUNT, run(query("q").collection("c").countAll(), Duration.ofSeconds(5)).rows);
  }

  @ParameterizedTest
  @MethodSource("everyAction")
  void anErrorStatusIsKoWithMilvusReason(MilvusDataActionBuilder<?, ?> action) throws Exception {
    server.behaviour(Behaviour.ERROR_STATUS);
    OperationRun.Outcome outcome = run(action, Duration.ofSeconds(5));
    assertEquals("KO", outcome.stats.status());
    assertEquals(String.valueOf(NoopMilvusServer.ERROR_CODE), outcome.stats.code());
    assertEquals(NoopMilvusServer.ERROR_REASON, outcome.stats.message());
    assertTrue(outcome.session.isFailed());
    assertFalse(outcome.ok);
    assertEquals(0, outcome.rows);
    outcome.assertGatlingGotTheObservedLatency();
  }

  @ParameterizedTest
  @MethodSource("everyAction")
  void aDeadlineIsKo(MilvusDataActionBuilder<?, ?> action) throws Exception {
    server.behaviour(Behaviour.NEVER_ANSWER);
    OperationRun.Outcome outcome = run(action, Duration.ofMillis(200));
    outcome.assertKo("DEADLINE_EXCEEDED");
    assertTrue(outcome.stats.message().startsWith("DEADLINE_EXCEEDED"), outcome.stats.message());
  }

  @ParameterizedTest
  @MethodSource("everyAction")
  void aUserOnAChannelLoopIsAnsweredAndResumedInlineOnThatLoop(MilvusDataActionBuilder<?, ?> action) throws Exception {
    server.behaviour(Behaviour.OK);
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    try {
      EventLoop loop = loops.next();
      OperationRun.Outcome outcome = run(action, Duration.ofSeconds(5), loops, loop);
      assertEquals("OK", outcome.stats.status());
      assertEquals(action.wrapped.base().requestName(), outcome.stats.requestName());
      assertTrue(loop.inEventLoop(outcome.observerThread), "observed on the user's own loop");
      assertTrue(outcome.insideGrpcListener, "resumed inline by the gRPC listener, no hand-over task");
    } finally {
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /** A user of a loop the channels do not live on: the reply is handed over to it. */
  private static OperationRun.Outcome run(MilvusDataActionBuilder<?, ?> action, Duration deadline) throws Exception {
    OperationRun.Outcome outcome = OperationRun.runOnForeignLoop(action, protocol(deadline));
    assertFalse(outcome.insideGrpcListener, "a foreign loop's user is resumed by a hand-over task");
    return outcome;
  }

  /** A user of one of the loops the channels live on, as in a Gatling run. */
  private static OperationRun.Outcome run(MilvusDataActionBuilder<?, ?> action, Duration deadline, EventLoopGroup loops,
      EventLoop userLoop) throws Exception {
    try (MilvusComponents components = new MilvusComponents(protocol(deadline), loops, NioSocketChannel::new)) {
      return OperationRun.run(action, components, userLoop);
    }
  }

  private static MilvusProtocol protocol(Duration deadline) {
    return MilvusDsl.milvus().uri(server.uri()).db("bench").deadline(deadline).protocol();
  }
}
