package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, case 8 end to end: a smoke sweep over TLS ({@code https://}, a self-signed certificate
 * trusted through the JDK trust store properties) with a token, against the target started from
 * its command line with {@code --token --tls-cert --tls-key}. The sweep (Gatling protocol, admin
 * client and data-prep's MilvusClientV2) works, the target listens on 127.0.0.1 only, and the token
 * (nor its base64, the header value) appears nowhere: run directory, Gatling report, data-prep
 * files, target log, captured output.
 */
@Tag("faults")
class SecuredSweepTest {
  private static final String TOKEN = "root:Sup3r-Secr3t-Pa55word";

  @TempDir
  Path work;

  @Test
  void smokeSweepOverTlsWithATokenLeaksNothing() throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(work.resolve("tls"));
    try (TargetChild target = TargetChild.start(work.resolve("target.txt"), work.resolve("data"), 0,
        "--token", TOKEN, "--tls-cert", cert.certPem().toString(), "--tls-key", cert.keyPem().toString())) {
      assertEquals("127.0.0.1", listeningAddress(target.port), "default bind is 127.0.0.1");
      JavaChild sweep = JavaChild.sweep(work, Map.ofEntries(
          Map.entry("milvus.uri", "https://localhost:" + target.port), Map.entry("milvus.token", TOKEN),
          Map.entry("prepare", "true"), Map.entry("profile", "smoke"), Map.entry("sweep.levels", "1,2"),
          Map.entry("sweep.requests", "100"), Map.entry("sweep.pause", "0s"), Map.entry("sweep.runDir", work.resolve("runs").toString()),
          Map.entry("javax.net.ssl.trustStore", cert.trustStore().toString()), Map.entry("javax.net.ssl.trustStoreType", "PKCS12"),
          Map.entry("javax.net.ssl.trustStorePassword", cert.trustStorePassword())));
      try (sweep) {
        int status = sweep.waitFor(240);
        String out = sweep.output();
        assertEquals(0, status, out);
        JsonNode levels = RunDirs.results(RunDirs.only(work.resolve("runs"))).get("levels");
        assertEquals(2, levels.size());
        for (JsonNode l : levels) {
          assertEquals(100, l.get("successes").asLong(), "every search succeeded over TLS: " + l);
        }
      }
      target.close();
      List<String> leaks = scan(work, List.of(TOKEN, "Sup3r-Secr3t-Pa55word",
          Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8))));
      assertTrue(leaks.isEmpty(), "token found in " + leaks);
      assertTrue(Files.readString(work.resolve("sweep-output.txt")).contains("Simulation"), "the scan saw Gatling's output");
    }
  }

  /** The local address of the listening socket on {@code port}, from /proc/net/tcp{,6} (Linux). */
  private static String listeningAddress(int port) throws Exception {
    String portHex = String.format(":%04X", port);
    for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 3 && f[1].endsWith(portHex) && f[3].equals("0A")) { // 0A = LISTEN
        String hex = f[1].substring(0, f[1].indexOf(':'));
        return hex.equals("0100007F") ? "127.0.0.1" : hex;
      }
    }
    for (String line : Files.readAllLines(Path.of("/proc/net/tcp6"))) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 3 && f[1].endsWith(portHex) && f[3].equals("0A")) {
        String hex = f[1].substring(0, f[1].indexOf(':'));
        return hex.equals("0000000000000000FFFF00000100007F") ? "127.0.0.1" : "v6:" + hex; // ::ffff:127.0.0.1
      }
    }
    return "not listening";
  }

  /** Every file under {@code root} (run directory, Gatling report, data-prep's files, logs, output) containing a secret. */
  static List<String> scan(Path root, List<String> secrets) throws Exception {
    List<String> hits = new ArrayList<>();
    List<byte[]> needles = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(f);
        for (byte[] n : needles) {
          if (indexOf(content, n) >= 0) {
            hits.add(root.relativize(f) + " (" + new String(n, StandardCharsets.UTF_8).length() + "-char secret)");
          }
        }
      }
    }
    return hits;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
