package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.common.clientenum.FunctionType;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schema features this server does not implement are refused at CreateCollection with Milvus's
 * "unsupported operation" (3000) naming the feature, and no collection is left behind: before, each was
 * accepted and then answered wrongly (every insert failing, an analyzer never applied, rows never expiring).
 * (Default values are supported: {@link DefaultValueTest}.)
 */
class UnsupportedSchemaTest {
  private static final String NAME = "refused";

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
  }

  /** Key and vector, plus what {@code extra} adds; created with {@code properties}. */
  private static void create(Consumer<CreateCollectionReq.CollectionSchema> extra, Map<String, String> properties) {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(4).build());
    extra.accept(schema);
    client.createCollection(CreateCollectionReq.builder().collectionName(NAME).collectionSchema(schema)
        .properties(properties).build());
  }

  private static void assertRefused(String feature, Consumer<CreateCollectionReq.CollectionSchema> extra) {
    assertRefused(feature, extra, Map.of());
  }

  private static void assertRefused(String feature, Consumer<CreateCollectionReq.CollectionSchema> extra,
      Map<String, String> properties) {
    MilvusClientException e = assertThrows(MilvusClientException.class, () -> create(extra, properties));
    assertEquals(3000, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains(feature) && e.getMessage().contains("unsupported operation"), e.getMessage());
    assertFalse(client.hasCollection(HasCollectionReq.builder().collectionName(NAME).build()), "nothing was created");
  }

  private static AddFieldReq.AddFieldReqBuilder<?> varchar(String name) {
    return AddFieldReq.builder().fieldName(name).dataType(DataType.VarChar).maxLength(64);
  }

  @Test
  void nullableFields() {
    assertRefused("nullable fields (field note)", s -> s.addField(varchar("note").isNullable(true).build()));
    assertRefused("nullable fields (field year)", s -> s.addField(AddFieldReq.builder().fieldName("year")
        .dataType(DataType.Int64).isNullable(true).defaultValue(1990L).build()));
  }

  @Test
  void analyzersAndMatch() {
    assertRefused("text analyzer and match (enable_analyzer on field text)",
        s -> s.addField(varchar("text").enableAnalyzer(true).build()));
    assertRefused("text analyzer and match (enable_match on field text)",
        s -> s.addField(varchar("text").enableMatch(true).build()));
    assertRefused("text analyzer and match (analyzer_params on field text)",
        s -> s.addField(varchar("text").analyzerParams(Map.of("type", "english")).build()));
  }

  @Test
  void partitionAndClusteringKeys() {
    assertRefused("partition key (field tenant)", s -> s.addField(varchar("tenant").isPartitionKey(true).build()));
    assertRefused("clustering key (field tenant)", s -> s.addField(varchar("tenant").isClusteringKey(true).build()));
  }

  @Test
  void functionsAndOtherDataTypes() {
    assertRefused("functions (BM25 function bm25)", s -> {
      s.addField(varchar("text").build());
      s.addField(AddFieldReq.builder().fieldName("sparse").dataType(DataType.SparseFloatVector).build());
      s.addFunction(CreateCollectionReq.Function.builder().name("bm25").functionType(FunctionType.BM25)
          .inputFieldNames(List.of("text")).outputFieldNames(List.of("sparse")).build());
    });
    assertRefused("data type SparseFloatVector (field sparse)",
        s -> s.addField(AddFieldReq.builder().fieldName("sparse").dataType(DataType.SparseFloatVector).build()));
    assertRefused("data type BinaryVector (field bits)", s -> s.addField(AddFieldReq.builder().fieldName("bits")
        .dataType(DataType.BinaryVector).dimension(16).build()));
  }

  /** Up to four FloatVector fields are served (MultiVectorTest); a fifth is Milvus's proxy.maxVectorFieldNum error. */
  @Test
  void moreThanFourVectorFields() {
    Consumer<CreateCollectionReq.CollectionSchema> four = s -> {
      for (int i = 2; i <= 4; i++) {
        s.addField(AddFieldReq.builder().fieldName("v" + i).dataType(DataType.FloatVector).dimension(4 + i).build());
      }
    };
    MilvusClientException e = assertThrows(MilvusClientException.class, () -> create(four.andThen(
        s -> s.addField(AddFieldReq.builder().fieldName("v5").dataType(DataType.FloatVector).dimension(4).build())),
        Map.of()));
    assertEquals(65535, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains("maximum vector field's number should be limited to 4"), e.getMessage());
    assertFalse(client.hasCollection(HasCollectionReq.builder().collectionName(NAME).build()), "nothing was created");
    create(four, Map.of());
    assertTrue(client.hasCollection(HasCollectionReq.builder().collectionName(NAME).build()));
    client.dropCollection(io.milvus.v2.service.collection.request.DropCollectionReq.builder().collectionName(NAME).build());
  }

  @Test
  void timeToLive() {
    assertRefused("collection TTL (collection.ttl.seconds=60)", s -> { }, Map.of("collection.ttl.seconds", "60"));
  }

  @Test
  void whatIsSupportedStillCreates() {
    create(s -> s.addField(varchar("text").enableAnalyzer(false).build()), Map.of("mmap.enabled", "false"));
    assertTrue(client.hasCollection(HasCollectionReq.builder().collectionName(NAME).build()));
    client.dropCollection(io.milvus.v2.service.collection.request.DropCollectionReq.builder().collectionName(NAME).build());
  }
}
