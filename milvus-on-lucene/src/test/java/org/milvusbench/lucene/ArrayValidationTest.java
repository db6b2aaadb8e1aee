package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.milvus.grpc.ArrayArray;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FloatArray;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.VectorField;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.ManagedChannelBuilder;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.vector.request.InsertReq;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Milvus refuses about ARRAY fields, refused here with its wording and the field's name: bad
 * schemas at CreateCollection, and over the raw stub (the client library checks some of it itself)
 * rows of the wrong element type or beyond max_capacity.
 */
class ArrayValidationTest {
  private static final String NAME = "array_checks";

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;
  static ManagedChannel channel;
  static MilvusServiceGrpc.MilvusServiceBlockingStub stub;

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    ArrayFieldTest.createArrayCollection(client, NAME);
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", target.server().port()).usePlaintext().build();
    stub = MilvusServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow();
  }

  private static String createError(String collection, AddFieldReq array) {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(4).build());
    schema.addField(array);
    String message = assertThrows(MilvusClientException.class, () -> client.createCollection(CreateCollectionReq
        .builder().collectionName(collection).collectionSchema(schema).build())).getMessage();
    assertEquals(false, client.hasCollection(HasCollectionReq.builder().collectionName(collection).build()));
    return message;
  }

  @Test
  void badSchemasAreRefusedNamingTheField() {
    assertEquals("the maximum capacity specified for a Array should be in (0, 4096], but got 5000 for field big:"
        + " invalid parameter", createError("c1", ArrayFieldTest.array("big", DataType.Int64, 5000).build()));
    assertEquals("the maximum capacity specified for a Array should be in (0, 4096], but got 0 for field none:"
        + " invalid parameter", createError("c2", ArrayFieldTest.array("none", DataType.Int64, 0).build()));
    assertEquals("element type JSON is not supported: invalid parameter",
        createError("c3", ArrayFieldTest.array("docs", DataType.JSON, 4).build()));
    assertEquals("the maximum length specified for a VarChar field(words) should be in (0, 65535], but got 70000"
        + " instead: invalid parameter",
        createError("c4", ArrayFieldTest.array("words", DataType.VarChar, 4).maxLength(70000).build()));
  }

  private static String clientInsertError(String field, Object value) {
    JsonObject row = ArrayFieldTest.rows(TestData.normal(5, 4, 1)).get(0);
    row.add(field, new Gson().toJsonTree(value));
    return assertThrows(Exception.class, () -> client.insert(InsertReq.builder().collectionName(NAME)
        .data(List.of(row)).build())).getMessage();
  }

  @Test
  void insertsThroughTheClientAreRefusedNamingTheField() {
    // MilvusClientV2 converts rows by the described schema, so it refuses these two before sending.
    assertEquals("io.milvus.exception.ParamException: Type mismatch for field 'tags': Array field value type must be JsonArray, each object type must"
        + " be element_type, and the array length must be shorter than max_capacity.",
        clientInsertError("tags", List.of("a", "b", "c", "d", "e")));
    assertEquals("io.milvus.exception.ParamException: Unable to convert JsonArray to List<Object> for field 'nums'. Reason: For input string: \"a\"",
        clientInsertError("nums", List.of("a")));
    // This one reaches the server, which answers in Milvus's words (validate_util.go checkArrayElement).
    assertEquals("length of Array array field \"tags\" exceeds max length, row number: 0, array index: 0, length: 9,"
        + " max length: 8: invalid parameter", clientInsertError("tags", List.of("123456789")));
  }

  private static FieldData vectors(int rows) {
    FloatArray.Builder floats = FloatArray.newBuilder();
    for (int i = 0; i < rows * 4; i++) {
      floats.addData(i);
    }
    return FieldData.newBuilder().setFieldName(TargetFixture.VECTOR).setType(io.milvus.grpc.DataType.FloatVector)
        .setVectors(VectorField.newBuilder().setDim(4).setFloatVector(floats)).build();
  }

  private static FieldData longs(String field, List<List<Long>> rows) {
    ArrayArray.Builder array = ArrayArray.newBuilder().setElementType(io.milvus.grpc.DataType.Int64);
    rows.forEach(r -> array.addData(ScalarField.newBuilder().setLongData(LongArray.newBuilder().addAllData(r))));
    return FieldData.newBuilder().setFieldName(field).setType(io.milvus.grpc.DataType.Array)
        .setScalars(ScalarField.newBuilder().setArrayData(array)).build();
  }

  /** A one-row insert of every field, {@code nums} replaced by {@code nums}. */
  private static MutationResult insert(FieldData nums) {
    FieldData.Builder id = FieldData.newBuilder().setFieldName("id").setType(io.milvus.grpc.DataType.Int64)
        .setScalars(ScalarField.newBuilder().setLongData(LongArray.newBuilder().addData(9)));
    InsertRequest.Builder req = InsertRequest.newBuilder().setCollectionName(NAME).setNumRows(1)
        .addFieldsData(id).addFieldsData(vectors(1)).addFieldsData(nums);
    ArrayArray.Builder tags = ArrayArray.newBuilder().addData(ScalarField.newBuilder()
        .setStringData(StringArray.newBuilder().addData("t")));
    req.addFieldsData(FieldData.newBuilder().setFieldName("tags").setType(io.milvus.grpc.DataType.Array)
        .setScalars(ScalarField.newBuilder().setArrayData(tags)));
    for (String other : List.of("scores", "flags", "small")) {
      ArrayArray.Builder empty = ArrayArray.newBuilder().addData(ScalarField.newBuilder()
          .setDoubleData(io.milvus.grpc.DoubleArray.getDefaultInstance()));
      if (!other.equals("scores")) {
        empty = ArrayArray.newBuilder().addData(other.equals("flags")
            ? ScalarField.newBuilder().setBoolData(io.milvus.grpc.BoolArray.getDefaultInstance())
            : ScalarField.newBuilder().setIntData(io.milvus.grpc.IntArray.getDefaultInstance()));
      }
      req.addFieldsData(FieldData.newBuilder().setFieldName(other).setType(io.milvus.grpc.DataType.Array)
          .setScalars(ScalarField.newBuilder().setArrayData(empty)));
    }
    return stub.insert(req.build());
  }

  @Test
  void rowsBeyondCapacityOrOfAnotherElementTypeAreRefused() {
    assertEquals(0, insert(longs("nums", List.of(List.of(1L, 2L)))).getStatus().getCode(), "a valid row is taken");
    MutationResult tooMany = insert(longs("nums", List.of(List.of(1L, 2L, 3L, 4L, 5L, 6L))));
    assertEquals(1100, tooMany.getStatus().getCode());
    assertEquals("the length (6) of 0th array exceeds max capacity (5) of array field nums: invalid parameter",
        tooMany.getStatus().getReason());
    FieldData strings = FieldData.newBuilder().setFieldName("nums").setType(io.milvus.grpc.DataType.Array)
        .setScalars(ScalarField.newBuilder().setArrayData(ArrayArray.newBuilder().addData(ScalarField.newBuilder()
            .setStringData(StringArray.newBuilder().addData("x"))))).build();
    MutationResult wrongType = insert(strings);
    assertEquals(1100, wrongType.getStatus().getCode());
    assertEquals("insert data does not match: array field nums expects Int64 elements (LONG_DATA), but row 0 has"
        + " STRING_DATA: invalid parameter", wrongType.getStatus().getReason());
    FieldData notAnArray = FieldData.newBuilder().setFieldName("nums").setType(io.milvus.grpc.DataType.Int64)
        .setScalars(ScalarField.newBuilder().setLongData(LongArray.newBuilder().addData(1))).build();
    assertEquals("array field 'nums' is illegal, array type mismatch: expected Int64 array, got LONG_DATA:"
        + " invalid parameter", insert(notAnArray).getStatus().getReason());
  }
}
