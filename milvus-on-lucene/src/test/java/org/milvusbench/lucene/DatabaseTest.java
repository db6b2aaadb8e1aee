package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.database.request.CreateDatabaseReq;
import io.milvus.v2.service.database.request.DescribeDatabaseReq;
import io.milvus.v2.service.database.request.DropDatabaseReq;
import io.milvus.v2.service.database.response.DescribeDatabaseResp;
import io.milvus.v2.service.vector.request.QueryReq;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases through MilvusClientV2: create / list / describe / drop, collections kept per database
 * whichever way the client names it (ConnectConfig.dbName, useDatabase, a request's databaseName), the
 * default database {@code default}, Milvus's errors, and everything still there after a restart.
 */
class DatabaseTest {
  private static final int DIM = 8;

  @TempDir
  Path dataDir;

  private static MilvusClientV2 connect(TargetServer server, String dbName) {
    return new MilvusClientV2(ConnectConfig.builder().uri("http://127.0.0.1:" + server.port()).dbName(dbName)
        .connectTimeoutMs(5_000).build());
  }

  private static void collectionWithRows(MilvusClientV2 client, String name, int rows) {
    TargetFixture.createReferenceCollection(client, name, DIM);
    TargetFixture.insertIndexAndLoad(client, name, TestData.rows(TestData.normal(rows, DIM, rows), 0, rows));
  }

  private static long count(MilvusClientV2 client, String db, String name) {
    QueryReq.QueryReqBuilder q = QueryReq.builder().collectionName(name).filter("").outputFields(List.of("count(*)"));
    if (db != null) {
      q.databaseName(db);
    }
    return (Long) client.query(q.build()).getQueryResults().get(0).getEntity().get("count(*)");
  }

  @Test
  void collectionsLiveInTheirDatabaseAndSurviveARestart() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 main = TargetFixture.connect(server, null);
      assertEquals(List.of("default"), main.listDatabases().getDatabaseNames());
      main.createDatabase(CreateDatabaseReq.builder().databaseName("db1").properties(Map.of("purpose", "test")).build());
      main.createDatabase(CreateDatabaseReq.builder().databaseName("empty_one").build());
      assertEquals(List.of("default", "db1", "empty_one"), main.listDatabases().getDatabaseNames());

      collectionWithRows(main, "shared", 10);
      MilvusClientV2 inDb1 = connect(server, "db1"); // the dbname header on every call
      collectionWithRows(inDb1, "shared", 3);
      collectionWithRows(inDb1, "only_db1", 2);
      assertEquals(10, count(main, null, "shared"));
      assertEquals(3, count(inDb1, null, "shared"), "same name, another database");
      assertEquals(3, count(main, "db1", "shared"), "a request's databaseName overrides the connection's");
      assertEquals(10, count(inDb1, "default", "shared"));
      assertFalse(main.hasCollection(HasCollectionReq.builder().collectionName("only_db1").build()));
      assertEquals(List.of("only_db1", "shared"), inDb1.listCollections().getCollectionNames().stream().sorted().toList());

      main.useDatabase("db1");
      assertEquals(3, count(main, null, "shared"), "useDatabase reconnects with the header");
      main.useDatabase("default");
      assertEquals(10, count(main, null, "shared"));
      main.close();
      inDb1.close();
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = connect(server, "db1");
      assertEquals(List.of("default", "db1", "empty_one"), client.listDatabases().getDatabaseNames());
      DescribeDatabaseResp db1 = client.describeDatabase(DescribeDatabaseReq.builder().databaseName("db1").build());
      assertEquals("db1", db1.getDatabaseName());
      assertEquals("test", db1.getProperties().get("purpose"), "properties are kept");
      assertEquals(3, count(client, null, "shared"));
      assertEquals(10, count(client, "default", "shared"));
      assertTrue(client.getLoadState(GetLoadStateReq.builder().collectionName("only_db1").build()), "still loaded");

      client.dropCollection(DropCollectionReq.builder().collectionName("shared").build());
      client.dropCollection(DropCollectionReq.builder().collectionName("only_db1").build());
      client.dropDatabase(DropDatabaseReq.builder().databaseName("db1").build());
      client.dropDatabase(DropDatabaseReq.builder().databaseName("empty_one").build());
      client.close();
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      assertEquals(List.of("default"), client.listDatabases().getDatabaseNames(), "drops are kept too");
      assertEquals(10, count(client, null, "shared"));
      client.close();
    }
  }

  @Test
  void milvusErrorsForDatabases() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      client.createDatabase(CreateDatabaseReq.builder().databaseName("full").build());
      collectionWithRows(client, "in_default", 1);
      MilvusClientV2 inFull = connect(server, "full");
      collectionWithRows(inFull, "c", 1);

      assertMilvus(65535, "database already exist: full",
          () -> client.createDatabase(CreateDatabaseReq.builder().databaseName("full").build()));
      assertMilvus(802, "the first character of a database name must be an underscore or letter: invalid database name[database=12-s]",
          () -> client.createDatabase(CreateDatabaseReq.builder().databaseName("12-s").build()));
      assertMilvus(802, "database name can only contain numbers, letters and underscores",
          () -> client.createDatabase(CreateDatabaseReq.builder().databaseName("a-b").build()));
      assertMilvus(65535, "database:full not empty, must drop all collections before drop database",
          () -> client.dropDatabase(DropDatabaseReq.builder().databaseName("full").build()));
      assertMilvus(65535, "can not drop default database",
          () -> client.dropDatabase(DropDatabaseReq.builder().databaseName("default").build()));
      assertMilvus(800, "database not found[database=nope]", () -> count(client, "nope", "in_default"));
      assertMilvus(800, "database not found[database=nope]",
          () -> client.describeDatabase(DescribeDatabaseReq.builder().databaseName("nope").build()));
      assertMilvus(100, "collection not found[collection=in_default]", () -> count(inFull, null, "in_default"));
      client.dropDatabase(DropDatabaseReq.builder().databaseName("ghost").build()); // missing: succeeds, as in Milvus

      // Milvus's Connect refuses a dbname header naming no database; useDatabase checks ListDatabases first.
      RuntimeException refused = assertThrows(RuntimeException.class, () -> connect(server, "nope"));
      assertTrue(refused.getMessage().contains("database not found[database=nope]"), refused.getMessage());
      assertThrows(IllegalArgumentException.class, () -> client.useDatabase("nope"));
      assertEquals(1, count(client, null, "in_default"), "the refused calls changed nothing");
      inFull.close();
      client.close();
    }
  }

  private static void assertMilvus(int code, String reason, Executable call) {
    MilvusClientException e = assertThrows(MilvusClientException.class, call);
    assertEquals(code, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
