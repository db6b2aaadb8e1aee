package org.milvusbench.sweep.run;

import org.milvusbench.sweep.config.SweepConfig;
import org.milvusbench.sweep.SweepLog;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.crashLoadGeneratorIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import org.milvusbench.gatling.core.SearchObserver;
import org.milvusbench.rundir.LevelResult;
import java.time.Duration;
import java.util.List;
import org.milvusbench.gatling.MilvusSearchActionBuilder;

/**
 * The sweep as Gatling populations chained with {@code andThen} (each starts when the previous one
 * has finished): for every level, a warm-up user (silent searches, then the level's start
 * bookkeeping), the load, and a boundary user (the level's end bookkeeping, then the pause).
 *
 * <p>Closed model: {@code atOnceUsers(c)} users that each loop while the level's budget has
 * tokens, i.e. exactly c concurrent users for exactly N requests. Gatling's {@code
 * constantConcurrentUsers(c).during(d)} was not used: in Gatling 3.15 it spreads the first c
 * users over its one-second injection batch and keeps starting replacement users until d has
 * elapsed, so it can neither give c users from the first request nor stop at N requests.
 */
public final class SweepScenarios {
  private SweepScenarios() {}

  public static PopulationBuilder chain(SweepRun run) {
    List<Level> levels = run.levels();
    SweepConfig cfg = run.config();
    PopulationBuilder next = null;
    for (int i = levels.size() - 1; i >= 0; i--) {
      Level level = levels.get(i);
      PopulationBuilder boundary = scenario("after " + level.label())
          .exec(session -> {
            run.boundaries().end(level);
            return session;
          })
          .pause(cfg.pause())
          .injectOpen(atOnceUsers(1));
      if (next != null) {
        boundary = boundary.andThen(next);
      }
      MilvusSearchActionBuilder warmupSearch = run.search("warm-up " + level.label()).silent();
      PopulationBuilder warmUp = scenario("warm-up " + level.label())
          .repeat(cfg.warmup()).on(exec(warmupSearch))
          .exec(run.coordinated() ? barrier(run, level) : exec(session -> session))
          .exec(session -> {
            if (run.barrierFailure(level) == null) {
              if (run.coordinated()) {
                SweepLog.log("every injector is at " + Coordination.key(cfg, level) + ": it starts (this injector: "
                    + level.label() + ")");
              }
              run.boundaries().begin(level);
            }
            return session;
          })
          .injectOpen(atOnceUsers(1));
      warmUp = onTarget(run, level, warmUp);
      next = switch (cfg.workload().kind()) {
        case SEARCH -> warmUp.andThen(onTarget(run, level, load(run, level, exec(run.search(level.requestName())
            .observer(level.recorder()).startSchedule(level.schedule())))).andThen(boundary));
        case MIXED -> warmUp.andThen(load(run, level, MixedLoad.request(run, level, run.writes())).andThen(boundary));
        case STREAMING -> warmUp.andThen(streaming(run, level, boundary));
      };
    }
    return cfg.embedded() && cfg.embeddedWarmup() > 0 ? targetWarmUp(run).andThen(next) : next;
  }

  /**
   * Coordinated injectors: after its own warm-up, each waits at the level's barrier without holding
   * its event loop (polling, as the streaming stop does); a failed barrier stops the run with its
   * message (the levels already measured are written by the simulation's {@code after}).
   */
  private static ChainBuilder barrier(SweepRun run, Level level) {
    return exec(session -> {
          run.coordination().arriveAt(run.config(), level);
          return session;
        })
        .asLongAs(session -> Coordination.waitingAt(level)).on(pause(Duration.ofMillis(5)))
        .exec(crashLoadGeneratorIf(session -> run.barrierFailure(level), session -> run.barrierFailure(level) != null));
  }

  /**
   * The embedded target is a JVM: over its first few thousand searches the JIT compiles the HNSW
   * code and latency at c=1 roughly halves (measured: mean 6.6–7.4 ms over the first 500, 3.0–3.5
   * after 4000). Milvus (C++) has no such phase, so these searches go before level 1 instead of
   * into it; sequential, which warms the c=1 path better than two users did (first 500 of the
   * level: 4.5 ms against 5.6 after 3000 warm-up searches). Then {@link JitSettling}'s rounds
   * while the target's JIT still compiles.
   */
  private static PopulationBuilder targetWarmUp(SweepRun run) {
    int searches = run.config().embeddedWarmup();
    SweepLog.log("embedded target warm-up: " + searches + " sequential searches before the first level, not recorded"
        + " (JIT compilation; -Dembedded.warmup)");
    ChainBuilder search = exec(run.search("embedded target warm-up").silent());
    JitSettling[] jit = new JitSettling[1]; // made when the scenario starts, not when the simulation is built
    return scenario("embedded target warm-up")
        .exec(session -> {
          jit[0] = new JitSettling(run.admin(), searches);
          return session;
        })
        .repeat(searches).on(search)
        .exec(session -> {
          jit[0].configuredDone();
          return session;
        })
        .asLongAs(session -> jit[0].another()).on(repeat(JitSettling.round(searches)).on(search).exec(session -> {
          jit[0].roundDone();
          return session;
        }))
        .exec(session -> {
          jit[0].log();
          return session;
        })
        .injectOpen(atOnceUsers(1));
  }

  /**
   * A streaming level: its searches without ingest first (the baseline), then the same searches
   * with the background ingest beside them; the boundary stops the ingest and waits for its last
   * insert before the level's end bookkeeping.
   */
  private static PopulationBuilder streaming(SweepRun run, Level level, PopulationBuilder boundary) {
    PopulationBuilder baseline = load(run, level, level.parts.baselineBudget(), "no ingest " + level.label(),
        exec(run.search(level.requestName(LevelResult.SEARCH_NO_INGEST))
            .observer(level.operation(LevelResult.SEARCH_NO_INGEST)).startSchedule(level.parts.baselineSchedule())));
    PopulationBuilder startIngest = scenario("start ingest " + level.label())
        .exec(session -> {
          run.boundaries().startIngest(level);
          return session;
        })
        .injectOpen(atOnceUsers(1));
    PopulationBuilder stopIngest = scenario("stop ingest " + level.label())
        .exec(session -> {
          level.ingesting = false;
          return session;
        })
        .asLongAs(session -> !level.ingestStopped).on(pause(Duration.ofMillis(10)))
        .injectOpen(atOnceUsers(1));
    StreamingRecall recall = level.parts.recall();
    SearchObserver observer = recall == null ? level.recorder() : (ok, start, latency, first, results) -> {
      level.recorder().onSearch(ok, start, latency, first, results);
      recall.onSearch(ok, start, latency, first, results);
    };
    PopulationBuilder searches = load(run, level, exec(run.search(level.requestName()).observer(observer)
        .startSchedule(level.schedule())));
    return baseline.andThen(startIngest.andThen(searches.andThen(stopIngest.andThen(boundary)),
        StreamingIngest.population(run, level, run.writes(), run.freshnessProbe())));
  }

  /**
   * The A/B mode: the level's population searches the target of its pass ({@link Level.Trial#role()}),
   * through that target's protocol; Gatling gives a population's own protocol precedence over the
   * simulation's. Otherwise the population as it is.
   */
  private static PopulationBuilder onTarget(SweepRun run, Level level, PopulationBuilder population) {
    return run.config().comparesTargets() ? population.protocols(run.protocol(level)) : population;
  }

  private static PopulationBuilder load(SweepRun run, Level level, ChainBuilder request) {
    return load(run, level, level.budget(), level.label(), request);
  }

  /** The level's users: closed, c users sending {@code request} while the budget lasts; open, one arrival per request. */
  private static PopulationBuilder load(SweepRun run, Level level, LevelBudget budget, String scenarioName,
      ChainBuilder request) {
    if (level.concurrency() > 0) {
      return scenario(scenarioName)
          .asLongAs(session -> budget.tryAcquire()).on(request)
          .injectOpen(atOnceUsers(level.concurrency()));
    }
    Duration duration = openLevelDuration(run.config(), level);
    return scenario(scenarioName)
        .exec(request)
        .injectOpen(constantUsersPerSec(level.ratePerSecond()).during(duration));
  }

  /** Open model: how long a level injects (the duration, else requests / rate, at least 1 s). */
  static Duration openLevelDuration(org.milvusbench.sweep.config.SweepConfig config, Level level) {
    if (config.duration() != null) {
      return config.duration();
    }
    // The whole level's rate (every injector's share together): each injector runs as long as one would.
    double rate = config.rates().get(level.index % config.rates().size());
    return Duration.ofMillis(Math.max(1000, Math.round(config.requests() * 1000 / rate)));
  }
}
