package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The target as a child JVM (TargetMain), its stderr log collected line by line, for kill -9 tests. */
final class TargetChild implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("MILVUS_TARGET_READY port=(\\d+) pid=(\\d+)");

  private final Process process;
  private final int port;
  private final List<String> log = new CopyOnWriteArrayList<>();

  private TargetChild(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts TargetMain on {@code dataDir} with {@code args} and waits for its READY line. */
  static TargetChild start(Path dataDir, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        TargetMain.class.getName(), "--port", "0", "--data", dataDir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    TargetChild child = null;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = READY.matcher(String.valueOf(line));
      assertTrue(m.matches(), "first stdout line: " + line);
      child = new TargetChild(p, Integer.parseInt(m.group(1)));
      child.collectStderr();
      return child;
    } finally {
      if (child == null) {
        p.destroyForcibly();
      }
    }
  }

  private void collectStderr() {
    Thread t = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          log.add(line);
        }
      } catch (IOException e) {
        // the process died: its log ends here
      }
    }, "target-child-stderr");
    t.setDaemon(true);
    t.start();
  }

  MilvusClientV2 connect() {
    return new MilvusClientV2(ConnectConfig.builder().uri("http://127.0.0.1:" + port).connectTimeoutMs(5_000).build());
  }

  int port() {
    return port;
  }

  /** The log lines so far. */
  List<String> log() {
    return List.copyOf(log);
  }

  /** kill -9: no shutdown hook runs, nothing is committed on the way out. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed child exits");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
