package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.OK$;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.netty.channel.EventLoop;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One virtual user running one action outside Gatling: build the action with {@link #stats} and
 * {@link #next}, then {@link #execute} it on the user's event loop and get the session it resumed
 * with.
 */
final class ActionRun {
  final RecordingStatsEngine stats = new RecordingStatsEngine();
  final AtomicInteger resumes = new AtomicInteger();
  private final CompletableFuture<Session> resumed = new CompletableFuture<>();
  /** The action after the one under test: records the resume. */
  final Action next = new Resume(resumed, resumes);

  /** Runs {@code action} for a new user of {@code userLoop}; the session it resumed with, within 10 s. */
  Session execute(Action action, EventLoop userLoop) throws Exception {
    Session session = newSession(userLoop);
    userLoop.execute(() -> action.execute(session));
    Session after = resumed.get(10, TimeUnit.SECONDS);
    assertTrue(userLoop.inEventLoop(stats.thread), "logged on the user's event loop");
    return after;
  }

  /** A fresh virtual user's session on {@code userLoop}, no attributes. */
  static Session newSession(EventLoop userLoop) {
    return new Session("scn", 1, scala.collection.immutable.Map$.MODULE$.empty(), OK$.MODULE$, emptyBlocks(),
        Session.NothingOnExit(), userLoop);
  }

  /** True when called, directly or not, from a gRPC listener's onClose: a resume without hand-over. */
  static boolean insideGrpcListener() {
    return Arrays.stream(Thread.currentThread().getStackTrace())
        .anyMatch(f -> f.getClassName().endsWith("UnaryCall") && f.getMethodName().equals("onClose"));
  }

  @SuppressWarnings("unchecked")
  private static scala.collection.immutable.List<io.gatling.core.session.Block> emptyBlocks() {
    return (scala.collection.immutable.List<io.gatling.core.session.Block>) (Object) scala.collection.immutable.Nil$.MODULE$;
  }

  /** The next action: completes a future with the session it receives. */
  private record Resume(CompletableFuture<Session> resumed, AtomicInteger count) implements Action {
    @Override
    public String name() {
      return "resume";
    }

    @Override
    public void execute(Session session) {
      count.incrementAndGet();
      resumed.complete(session);
    }

    @Override
    public Logger logger() {
      return com.typesafe.scalalogging.Logger$.MODULE$.apply(Resume.class);
    }

    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {}
  }
}
