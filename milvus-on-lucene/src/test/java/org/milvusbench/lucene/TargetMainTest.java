package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as the sweep uses it: a child JVM with --port 0, the READY line, SIGTERM closes cleanly. */
class TargetMainTest {
  private static final Pattern READY = Pattern.compile("MILVUS_TARGET_READY port=(\\d+) pid=(\\d+)");

  @TempDir
  Path dataDir;

  @Test
  void childProcessPrintsReadyLineServesAndStopsOnSigterm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TargetMain.class.getName(),
        "--port", "0", "--data", dataDir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher m = READY.matcher(String.valueOf(line));
      assertTrue(m.matches(), "first stdout line: " + line);
      assertEquals(p.pid(), Long.parseLong(m.group(2)));
      int port = Integer.parseInt(m.group(1));
      MilvusClientV2 client = new MilvusClientV2(io.milvus.v2.client.ConnectConfig.builder()
          .uri("http://127.0.0.1:" + port).build());
      TargetFixture.createReferenceCollection(client, "from_child", 8);
      assertTrue(client.hasCollection(HasCollectionReq.builder().collectionName("from_child").build()));
      client.close();
      p.destroy();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "SIGTERM stops it");
      assertTrue(Files.exists(dataDir.resolve("from_child").resolve("state.json")));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void helpListsTheOptions() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TargetMain.class.getName(), "--help")
        .redirectErrorStream(true).start();
    String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    for (String option : List.of("--port", "--bind", "--data", "--token", "--service-delay-ms")) {
      assertTrue(help.contains(option), option + " in " + help);
    }
    assertEquals(0, p.exitValue());
  }
}
