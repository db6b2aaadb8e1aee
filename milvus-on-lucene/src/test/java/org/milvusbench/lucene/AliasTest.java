package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.utility.request.AlterAliasReq;
import io.milvus.v2.service.utility.request.CreateAliasReq;
import io.milvus.v2.service.utility.request.DescribeAliasReq;
import io.milvus.v2.service.utility.request.DropAliasReq;
import io.milvus.v2.service.utility.request.ListAliasesReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aliases through MilvusClientV2: every call naming a collection accepts an alias (search, query,
 * insert, describe, has, load), AlterAlias re-points reads at once, Milvus's errors, and aliases kept
 * across a restart.
 */
class AliasTest {
  private static final int DIM = 8;
  private final float[][] data = TestData.normal(20, DIM, 17);

  @TempDir
  Path dataDir;

  private static long count(MilvusClientV2 client, String collection) {
    return (Long) client.query(QueryReq.builder().collectionName(collection).filter("")
        .outputFields(List.of("count(*)")).build()).getQueryResults().get(0).getEntity().get("count(*)");
  }

  private static void assertStatus(int code, String reason, Executable call) {
    MilvusClientException e = assertThrows(MilvusClientException.class, call);
    assertEquals(code, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void aliasesNameCollectionsEverywhereAndSurviveARestart() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      TargetFixture.createKeyedCollection(client, "blue", DIM);
      TargetFixture.createKeyedCollection(client, "green", DIM);
      client.createAlias(CreateAliasReq.builder().collectionName("blue").alias("live").build());
      client.createAlias(CreateAliasReq.builder().collectionName("blue").alias("live").build()); // same again: ok
      client.createAlias(CreateAliasReq.builder().collectionName("blue").alias("old").build());

      // Writes, index, load, reads and describe through the alias reach "blue".
      client.insert(InsertReq.builder().collectionName("live").data(TestData.keyedRows(data, 0, 5, 0, "A")).build());
      TargetFixture.createReferenceIndex(client, "live");
      client.loadCollection(LoadCollectionReq.builder().collectionName("live").build());
      TargetFixture.insertIndexAndLoad(client, "green", TestData.keyedRows(data, 5, 20, 0, "B"));
      assertEquals(5, count(client, "live"));
      assertEquals(5, client.search(SearchReq.builder().collectionName("live").annsField(TargetFixture.VECTOR)
          .data(List.of(new FloatVec(data[0]))).limit(10).build()).getSearchResults().get(0).size());
      assertTrue(client.hasCollection(HasCollectionReq.builder().collectionName("live").build()));
      assertEquals("blue", client.describeCollection(DescribeCollectionReq.builder().collectionName("live").build())
          .getCollectionName());
      assertEquals("blue", client.describeAlias(DescribeAliasReq.builder().alias("live").build()).getCollectionName());
      assertEquals(List.of("live", "old"), client.listAliases(ListAliasesReq.builder().collectionName("blue").build()).getAlias());
      assertEquals(List.of(), client.listAliases(ListAliasesReq.builder().collectionName("green").build()).getAlias());
      assertEquals(List.of("blue", "green"), client.listCollections().getCollectionNames().stream().sorted().toList(),
          "aliases are not collections");

      assertStatus(1602, "alias already exist[database=default][alias=live]",
          () -> client.createAlias(CreateAliasReq.builder().collectionName("green").alias("live").build()));
      assertStatus(1601, "alias and collection name conflict[database=default][alias=green]",
          () -> client.createAlias(CreateAliasReq.builder().collectionName("blue").alias("green").build()));
      assertStatus(100, "collection not found",
          () -> client.createAlias(CreateAliasReq.builder().collectionName("nope").alias("x").build()));
      assertStatus(65535, "cannot drop the collection via alias = live",
          () -> client.dropCollection(DropCollectionReq.builder().collectionName("live").build()));
      assertStatus(65535, "unable to drop the collection [blue] because it has associated aliases [live, old]",
          () -> client.dropCollection(DropCollectionReq.builder().collectionName("blue").build()));
      assertStatus(65535, "conflicts with an existing alias",
          () -> TargetFixture.createKeyedCollection(client, "live", DIM));

      // AlterAlias switches the alias at once (the blue/green deployment aliases exist for).
      client.alterAlias(AlterAliasReq.builder().collectionName("green").alias("live").build());
      assertEquals(15, count(client, "live"));
      client.dropAlias(DropAliasReq.builder().alias("old").build());
      assertStatus(1600, "alias not found[database=default][alias=old]",
          () -> client.dropAlias(DropAliasReq.builder().alias("old").build()));
      assertStatus(1600, "alias not found[database=default][alias=old]",
          () -> client.alterAlias(AlterAliasReq.builder().collectionName("blue").alias("old").build()));
      assertStatus(1600, "alias not found[database=default][alias=old]",
          () -> client.describeAlias(DescribeAliasReq.builder().alias("old").build()));
      assertStatus(100, "collection not found[collection=old]", () -> count(client, "old"));
      client.dropCollection(DropCollectionReq.builder().collectionName("blue").build());
      client.close();
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      assertEquals("green", client.describeAlias(DescribeAliasReq.builder().alias("live").build()).getCollectionName());
      // A blank collection lists the database's aliases (MilvusClientV2 needs the name set).
      assertEquals(List.of("live"), client.listAliases(ListAliasesReq.builder().collectionName("").build()).getAlias());
      assertEquals(15, count(client, "live"));
      client.close();
    }
  }
}
