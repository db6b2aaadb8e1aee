package org.milvusbench.dataprep;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.response.QueryResp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.milvusbench.lucene.TargetConfig;
import org.milvusbench.lucene.TargetServer;

/**
 * One embedded target per test class, reached over real gRPC through MilvusClientV2, on a fresh data
 * directory: {@code @RegisterExtension static final TargetFixture target = new TargetFixture();}. It
 * starts before the class's own {@code @BeforeAll} and stops, its directory deleted, after its
 * {@code @AfterAll}.
 */
final class TargetFixture implements BeforeAllCallback, AfterAllCallback {
  private Path dataDir;
  TargetServer server;
  MilvusClientV2 client;
  String uri;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("data-prep-target");
    server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build());
    uri = "http://127.0.0.1:" + server.port();
    client = MilvusConnect.connect(org.milvusbench.milvus.MilvusEndpoint.of(uri, null, null));
  }

  /** Every row's id → stored vector, read through the client. */
  Map<Long, float[]> allRows(String collection) {
    Map<Long, float[]> out = new HashMap<>();
    long cursor = Long.MIN_VALUE / 2;
    while (true) {
      QueryResp r = client.query(QueryReq.builder().collectionName(collection).filter("id > " + cursor)
          .outputFields(List.of("id", "embedding")).limit(ServerOps.PAGE).consistencyLevel(ConsistencyLevel.STRONG)
          .build());
      for (QueryResp.QueryResult q : r.getQueryResults()) {
        long id = ((Number) q.getEntity().get("id")).longValue();
        List<?> v = (List<?>) q.getEntity().get("embedding");
        float[] f = new float[v.size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = ((Number) v.get(i)).floatValue();
        }
        if (out.put(id, f) != null) {
          throw new AssertionError("id " + id + " returned twice");
        }
        cursor = Math.max(cursor, id);
      }
      if (r.getQueryResults().size() < ServerOps.PAGE) {
        return out;
      }
    }
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
}
