package org.milvusbench.lucene;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line: {@code java -jar milvus-on-lucene-*-standalone.jar --port 19530 --data DIR}. Once the
 * server listens it prints exactly one line {@code MILVUS_TARGET_READY port=<port> pid=<pid>} on stdout,
 * with {@code metrics=<port>} appended when {@code --metrics-port} is given (a parent process starting it
 * with {@code --port 0} reads the ports from it). SIGTERM / Ctrl-C close
 * it cleanly (Lucene commit).
 */
@Command(name = "milvus-on-lucene", mixinStandardHelpOptions = true, version = "milvus-on-lucene 0.1.0",
    description = "A Milvus-wire-compatible gRPC server storing and searching vectors with Lucene HNSW.")
public final class TargetMain implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "19530", description = "gRPC port; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
  String bind;

  @Option(names = "--data", defaultValue = "milvus-on-lucene-data",
      description = "data directory, one sub-directory per collection (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--token", description = "require this token on every call (\"user:password\" or an API key); never logged")
  String token;

  @Option(names = "--service-delay-ms", defaultValue = "0",
      description = "delay added to every search and query, for fault tests (default: ${DEFAULT-VALUE})")
  long serviceDelayMs;

  @Option(names = "--max-segment-rows", description = "rows per segment built by one indexing thread; 0 = unlimited"
      + " (default: ${DEFAULT-VALUE})", defaultValue = "" + TargetConfig.DEFAULT_MAX_SEGMENT_ROWS)
  int maxSegmentRows;

  @Option(names = "--build-segments-per-thread", defaultValue = "" + TargetConfig.DEFAULT_SEGMENTS_PER_BUILD_THREAD,
      description = "segments each CreateIndex build thread makes; 0 = one, more only past 250k rows per segment;"
          + " more = faster build, slower search (default: ${DEFAULT-VALUE})")
  int segmentsPerBuildThread;

  @Option(names = "--max-message-mb", defaultValue = "128",
      description = "largest accepted request in MiB; larger ones fail with RESOURCE_EXHAUSTED (default: ${DEFAULT-VALUE})")
  int maxMessageMb;

  @Option(names = "--build-threads", description = "threads building HNSW graphs (default: available processors)")
  Integer buildThreads;

  @Option(names = "--tls-cert", description = "serve TLS (clients use https://) with this PEM certificate chain; needs --tls-key")
  Path tlsCert;

  @Option(names = "--tls-key", description = "PKCS#8 PEM private key of --tls-cert")
  Path tlsKey;

  @Option(names = "--metrics-port", description = "serve Prometheus metrics (Milvus's names) at http://127.0.0.1:N/metrics;"
      + " 0 picks a free port; absent = no metrics endpoint")
  Integer metricsPort;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TargetMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    TargetConfig.Builder cfg = TargetConfig.builder().port(port).bindAddress(bind).dataDir(data).token(token)
        .serviceDelayMillis(serviceDelayMs).maxSegmentRows(maxSegmentRows)
        .segmentsPerBuildThread(segmentsPerBuildThread).tls(tlsCert, tlsKey)
        .maxMessageBytes((int) Math.min(Integer.MAX_VALUE / 4, maxMessageMb * 1024L * 1024L));
    if (metricsPort != null) {
      cfg.metricsPort(metricsPort);
    }
    if (buildThreads != null) {
      cfg.buildThreads(buildThreads);
    }
    TargetServer server = TargetServer.start(cfg.build());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("milvus-on-lucene: close failed: " + e);
      } finally {
        stopped.countDown();
      }
    }, "target-shutdown"));
    System.out.println("MILVUS_TARGET_READY port=" + server.port() + " pid=" + ProcessHandle.current().pid()
        + (server.metricsPort() == TargetConfig.METRICS_OFF ? "" : " metrics=" + server.metricsPort()));
    System.out.flush();
    stopped.await();
    return 0;
  }
}
