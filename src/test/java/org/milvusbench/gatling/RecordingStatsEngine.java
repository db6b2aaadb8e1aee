package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatling.commons.stats.Status;
import io.gatling.core.actor.ActorRef;
import io.gatling.core.controller.Controller;
import io.gatling.core.session.GroupBlock;
import io.gatling.core.stats.StatsEngine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import scala.Option;

/** A Gatling stats engine that remembers what the action logged. */
final class RecordingStatsEngine implements StatsEngine {
  record Response(String requestName, long startMillis, long endMillis, String status, String code, String message) {}

  final List<Response> responses = new CopyOnWriteArrayList<>();
  volatile Thread thread;

  Response single() {
    assertEquals(1, responses.size(), "responses logged: " + responses);
    return responses.get(0);
  }

  @Override
  public void logResponse(String scenario, scala.collection.immutable.List<String> groups, String requestName,
      long startMillis, long endMillis, Status status, Option<String> code, Option<String> message) {
    thread = Thread.currentThread();
    responses.add(new Response(requestName, startMillis, endMillis, status.name(),
        code.isDefined() ? code.get() : null, message.isDefined() ? message.get() : null));
  }

  @Override
  public void start() {}

  @Override
  public void stop(ActorRef<Controller.Command> controller, Option<Exception> exception) {}

  @Override
  public void logUserStart(String scenario) {}

  @Override
  public void logUserEnd(String scenario) {}

  @Override
  public void logGroupEnd(String scenario, GroupBlock groupBlock, long exitTimestamp) {}

  @Override
  public void logRequestCrash(String scenario, scala.collection.immutable.List<String> groups, String requestName, String error) {
    thread = Thread.currentThread();
    responses.add(new Response(requestName, 0, 0, "CRASH", null, error));
  }
}
