package org.milvusbench.milvus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded target (milvus-on-lucene) as a child JVM on an ephemeral 127.0.0.1 port: own heap,
 * own CPU accounting, and it cannot be slowed by the generator's GC. It is started by class name on
 * this JVM's class path, so nothing here compiles against the server. Stopped by {@link #close()}
 * and, if this process dies first, by a shutdown hook.
 */
public final class EmbeddedTarget implements MilvusTarget {
  public static final String MAIN_CLASS = "org.milvusbench.lucene.TargetMain";
  private static final Pattern READY = Pattern.compile("MILVUS_TARGET_READY port=(\\d+)(?: pid=(\\d+))?(?: metrics=(\\d+))?");
  private static final long START_TIMEOUT_SECONDS = 180;

  private final Process process;
  private final int port;
  private final int metricsPort;
  private final Thread shutdownHook;

  private EmbeddedTarget(Process process, int[] ports, Thread shutdownHook) {
    this.process = process;
    this.port = ports[0];
    this.metricsPort = ports[1];
    this.shutdownHook = shutdownHook;
  }

  /**
   * Starts the target with this JVM's class path and waits for its READY line.
   *
   * @param dataDir persistent data directory (outside target/ so {@code mvn clean} keeps a seeded collection)
   * @param heap the child's {@code -Xmx}, e.g. {@code 4g}
   * @param logFile where the child's output goes
   */
  public static EmbeddedTarget start(Path dataDir, String heap, Path logFile) throws IOException {
    Files.createDirectories(dataDir);
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseG1GC",
        "-cp", System.getProperty("java.class.path"), MAIN_CLASS,
        "--port", "0", "--metrics-port", "0", "--data", dataDir.toAbsolutePath().toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread hook = new Thread(process::destroyForcibly, "stop-embedded-target");
    Runtime.getRuntime().addShutdownHook(hook);
    CompletableFuture<int[]> ready = new CompletableFuture<>();
    Deque<String> lastLines = new ArrayDeque<>();
    Thread pump = new Thread(() -> pump(process, logFile, ready, lastLines), "embedded-target-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return new EmbeddedTarget(process, ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), hook);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      removeHook(hook);
      String why = e instanceof TimeoutException ? "no READY line within " + START_TIMEOUT_SECONDS + " s" : "it exited";
      synchronized (lastLines) {
        throw new IOException("embedded target did not start (" + why + "); see " + logFile
            + "; last output:\n  " + String.join("\n  ", lastLines), e);
      }
    }
  }

  private static void pump(Process process, Path logFile, CompletableFuture<int[]> ready, Deque<String> lastLines) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        log.println(line);
        synchronized (lastLines) {
          lastLines.addLast(line);
          if (lastLines.size() > 20) {
            lastLines.removeFirst();
          }
        }
        Matcher m = READY.matcher(line);
        if (!ready.isDone() && m.find()) {
          // A server without metrics=, e.g. an older build, has none: 0.
          ready.complete(new int[] {Integer.parseInt(m.group(1)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3))});
        }
      }
    } catch (IOException e) {
      // The child is gone; the waiter below sees it.
    } finally {
      ready.completeExceptionally(new IOException("embedded target exited with " + exitCode(process)));
    }
  }

  private static String exitCode(Process process) {
    try {
      return Integer.toString(process.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  public int port() {
    return port;
  }

  public String uri() {
    return "http://127.0.0.1:" + port;
  }

  /** Its Prometheus endpoint (started with {@code --metrics-port 0}); null if it printed none. */
  @Override
  public String metricsUrl() {
    return metricsPort == 0 ? null : "http://127.0.0.1:" + metricsPort + "/metrics";
  }

  /** The embedded target has no token and uses the default database. */
  @Override
  public MilvusEndpoint endpoint() {
    return MilvusEndpoint.of(uri(), null, null);
  }

  @Override
  public boolean embedded() {
    return true;
  }

  public long pid() {
    return process.pid();
  }

  /** Stops the child: a polite signal (it commits what it holds), then force after 10 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    removeHook(shutdownHook);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway.
    }
  }
}
