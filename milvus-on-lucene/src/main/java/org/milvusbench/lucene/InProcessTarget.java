package org.milvusbench.lucene;

import java.nio.file.Path;
import org.milvusbench.milvus.InProcessTargets;
import org.milvusbench.milvus.MilvusEndpoint;
import org.milvusbench.milvus.MilvusTarget;

/** This server started inside the caller's JVM, as {@link InProcessTargets} finds it. */
public final class InProcessTarget implements InProcessTargets.Factory {

  @Override
  public MilvusTarget start(Path dataDir) throws Exception {
    TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build());
    MilvusEndpoint endpoint = MilvusEndpoint.of("http://127.0.0.1:" + server.port(), null, null);
    return new MilvusTarget() {
      @Override
      public MilvusEndpoint endpoint() {
        return endpoint;
      }

      @Override
      public boolean embedded() {
        return true;
      }

      @Override
      public void close() {
        try {
          server.close();
        } catch (Exception e) {
          throw new IllegalStateException("stopping the embedded target failed: " + e.getMessage(), e);
        }
      }
    };
  }
}
