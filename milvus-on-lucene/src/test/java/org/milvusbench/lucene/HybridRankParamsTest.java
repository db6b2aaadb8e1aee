package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.milvus.grpc.FunctionScore;
import io.milvus.grpc.HybridSearchRequest;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.PlaceholderGroup;
import io.milvus.grpc.PlaceholderType;
import io.milvus.grpc.PlaceholderValue;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.ManagedChannelBuilder;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.vector.request.InsertReq;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rank params the SDK rankers do not send, over the raw gRPC stub: no strategy (RRF, k = 60), weighted
 * with {@code norm_score} (COSINE (1 + s) / 2, L2 1 - 2 atan(d) / π, as Milvus 2.6's getNormalizeFunc),
 * and Milvus's refusals of a missing limit, an unknown strategy, a k out of range and rerank functions.
 */
class HybridRankParamsTest {
  private static final String NAME = "ranked";

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static ManagedChannel channel;
  static MilvusServiceGrpc.MilvusServiceBlockingStub stub;

  @BeforeAll
  static void start() throws Exception {
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", target.server().port()).usePlaintext().build();
    stub = MilvusServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    MilvusClientV2 client = target.client();
    MultiVectorTest.createCollection(client, NAME);
    client.insert(InsertReq.builder().collectionName(NAME).data(MultiVectorTest.rows()).build());
    MultiVectorTest.indexAndLoad(client, NAME);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow();
  }

  private static SearchRequest sub(String field, float[] q, int limit) {
    ByteBuffer bytes = ByteBuffer.allocate(q.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(q);
    PlaceholderGroup group = PlaceholderGroup.newBuilder().addPlaceholders(PlaceholderValue.newBuilder().setTag("$0")
        .setType(PlaceholderType.FloatVector).addValues(ByteString.copyFrom(bytes.array()))).build();
    return SearchRequest.newBuilder().setCollectionName(NAME).setDsl("id >= 0").setNq(1)
        .setPlaceholderGroup(group.toByteString())
        .addSearchParams(kv("anns_field", field)).addSearchParams(kv("topk", Integer.toString(limit)))
        .addSearchParams(kv("params", "{\"ef\": 256}")).build();
  }

  private static KeyValuePair kv(String k, String v) {
    return KeyValuePair.newBuilder().setKey(k).setValue(v).build();
  }

  private static final List<SearchRequest> SUBS = List.of(
      sub(MultiVectorTest.TEXT, TestData.normal(1, 8, 600)[0], 10),
      sub(MultiVectorTest.IMAGE, TestData.normal(1, 4, 601)[0], 10));

  private static SearchResults hybrid(KeyValuePair... rank) {
    return stub.hybridSearch(HybridSearchRequest.newBuilder().setCollectionName(NAME).addAllRequests(SUBS)
        .addAllRankParams(List.of(rank)).build());
  }

  /**
   * The sub-searches run alone and fused: {@code score} maps (sub-request, {score, rank}) to its part of
   * a key's sum; best first, ties by the smaller key.
   */
  private static List<Map.Entry<Long, Float>> expected(java.util.function.BiFunction<Integer, float[], Float> score,
      int limit) {
    Map<Long, Float> sums = new LinkedHashMap<>();
    for (int s = 0; s < SUBS.size(); s++) {
      SearchResultData r = stub.search(SUBS.get(s)).getResults();
      for (int i = 0; i < r.getScoresCount(); i++) {
        sums.merge(r.getIds().getIntId().getData(i), score.apply(s, new float[] {r.getScores(i), i}), Float::sum);
      }
    }
    List<Map.Entry<Long, Float>> all = new ArrayList<>(sums.entrySet());
    all.sort(Comparator.comparing((Map.Entry<Long, Float> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
    return all.subList(0, Math.min(limit, all.size()));
  }

  private static void assertAnswer(List<Map.Entry<Long, Float>> expected, SearchResults got) {
    assertEquals(0, got.getStatus().getCode(), got.getStatus().getReason());
    assertEquals(expected.stream().map(Map.Entry::getKey).toList(), got.getResults().getIds().getIntId().getDataList());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).getValue(), got.getResults().getScores(i), 1e-6f);
    }
  }

  @Test
  void withoutStrategyRrfWithK60() {
    assertAnswer(expected((s, hit) -> 1f / (60f + (hit[1] + 1)), 6), hybrid(kv("limit", "6")));
  }

  @Test
  void weightedWithNormScoreMapsEachMetric() {
    float[] w = {0.4f, 0.6f};
    List<Map.Entry<Long, Float>> want = expected((s, hit) -> w[s] * (s == 0 ? (1 + hit[0]) * 0.5f
        : 1f - 2f * (float) Math.atan(hit[0]) / (float) Math.PI), 7);
    assertAnswer(want, hybrid(kv("strategy", "weighted"), kv("params", "{\"weights\": [0.4, 0.6], \"norm_score\": true}"),
        kv("limit", "7")));
  }

  @Test
  void milvusRefusals() {
    assertRefused(65535, "limit not found in rank_params", hybrid(kv("strategy", "rrf"), kv("params", "{\"k\": 60}")));
    assertRefused(65535, "unsupported rank type max", hybrid(kv("strategy", "max"), kv("limit", "5")));
    assertRefused(65535, "The rank params k should be in range (0, 16384)",
        hybrid(kv("strategy", "rrf"), kv("params", "{\"k\": 0}"), kv("limit", "5")));
    assertRefused(65535, "rank param weight should be in range [0, 1]",
        hybrid(kv("strategy", "weighted"), kv("params", "{\"weights\": [2, 0.5]}"), kv("limit", "5")));
    SearchResults fn = stub.hybridSearch(HybridSearchRequest.newBuilder().setCollectionName(NAME).addAllRequests(SUBS)
        .addRankParams(kv("limit", "5")).setFunctionScore(FunctionScore.newBuilder()).build());
    assertRefused(3000, "rerank functions (function_score) in hybrid search: unsupported operation", fn);
  }

  private static void assertRefused(int code, String reason, SearchResults r) {
    assertEquals(code, r.getStatus().getCode(), r.getStatus().getReason());
    assertTrue(r.getStatus().getReason().contains(reason), r.getStatus().getReason());
  }
}
