package org.milvusbench.lucene;

import io.milvus.v2.client.MilvusClientV2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One target and one connected client for all the tests of a class, on a fresh data directory:
 * {@code @RegisterExtension static final SharedTarget target = new SharedTarget();}. The target
 * starts before the class's own {@code @BeforeAll} (which creates its collections through
 * {@link #client()}) and stops, its directory deleted, after the class's {@code @AfterAll}.
 */
final class SharedTarget implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<TargetConfig.Builder> configure;
  private Path dataDir;
  private TargetServer server;
  private MilvusClientV2 client;

  /** A target with the default configuration on a free port. */
  SharedTarget() {
    this(config -> config);
  }

  /** A target configured by {@code configure} (the port and data directory are already set). */
  SharedTarget(UnaryOperator<TargetConfig.Builder> configure) {
    this.configure = configure;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("target-test");
    server = TargetServer.start(configure.apply(TargetConfig.builder().port(0).dataDir(dataDir)).build());
    client = TargetFixture.connect(server, null);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (client != null) {
        client.close();
      }
      if (server != null) {
        server.close();
      }
    } finally {
      IOUtils.rm(dataDir);
    }
  }

  TargetServer server() {
    return server;
  }

  MilvusClientV2 client() {
    return client;
  }
}
