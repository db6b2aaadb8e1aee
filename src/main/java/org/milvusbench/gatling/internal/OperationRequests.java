package org.milvusbench.gatling.internal;

import io.gatling.core.session.Session;
import io.grpc.MethodDescriptor;
import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.MsgBase;
import io.milvus.grpc.MsgType;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.QueryResults;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.UpsertRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.milvusbench.gatling.core.RowSource;

/**
 * The requests of insert, upsert, delete and query, with the fields milvus-sdk-java v2 sets: what
 * does not change is built once per action, per request only the rows or the selection are added.
 */
public final class OperationRequests {
  /** The output field that makes a query count instead of returning rows. */
  public static final String COUNT = "count(*)";

  private OperationRequests() {}

  /** One request's rows: columns and their row count. */
  private record Batch(List<FieldData> columns, int rows) {
    InsertRequest into(InsertRequest.Builder request) {
      return request.addAllFieldsData(columns).setNumRows(rows).build();
    }

    UpsertRequest into(UpsertRequest.Builder request) {
      return request.addAllFieldsData(columns).setNumRows(rows).build();
    }
  }

  /** What the insert {@code spec} sends over {@code protocol}. */
  public static Operation<InsertRequest, MutationResult> insert(WriteSpec spec, MilvusProtocol protocol) {
    InsertRequest template = InsertRequest.newBuilder().setBase(MsgBase.newBuilder().setMsgType(MsgType.Insert))
        .setCollectionName(spec.base().collection()).setDbName(db(protocol)).build();
    return write(MilvusMethods.INSERT, spec, batch -> batch.into(template.toBuilder()), MutationResult::getInsertCnt);
  }

  /** What the upsert {@code spec} sends over {@code protocol}. */
  public static Operation<UpsertRequest, MutationResult> upsert(WriteSpec spec, MilvusProtocol protocol) {
    UpsertRequest template = UpsertRequest.newBuilder().setBase(MsgBase.newBuilder().setMsgType(MsgType.Upsert))
        .setCollectionName(spec.base().collection()).setDbName(db(protocol)).build();
    return write(MilvusMethods.UPSERT, spec, batch -> batch.into(template.toBuilder()), MutationResult::getUpsertCnt);
  }

  private static <Req> Operation<Req, MutationResult> write(MethodDescriptor<Req, MutationResult> method,
      WriteSpec spec, Function<Batch, Req> request, ToLongFunction<MutationResult> rows) {
    Function<Session, Batch> batches = batches(spec);
    return new Operation<>(method, session -> request.apply(batches.apply(session)), MutationResult::getStatus, rows,
        spec.idsKey(), OperationRequests::writtenKeys);
  }

  /** What the delete {@code spec} sends over {@code protocol}. */
  public static Operation<DeleteRequest, MutationResult> delete(DeleteSpec spec, MilvusProtocol protocol) {
    DeleteRequest template = DeleteRequest.newBuilder().setBase(MsgBase.newBuilder().setMsgType(MsgType.Delete))
        .setCollectionName(spec.base().collection()).setDbName(db(protocol)).build();
    RowSelection selection = spec.selection();
    return new Operation<>(MilvusMethods.DELETE,
        session -> template.toBuilder().setExpr(selection.expr(new io.gatling.javaapi.core.Session(session))).build(),
        MutationResult::getStatus, MutationResult::getDeleteCnt);
  }

  /** What the query {@code spec} sends over {@code protocol}. */
  public static Operation<QueryRequest, QueryResults> query(QuerySpec spec, MilvusProtocol protocol) {
    QueryRequest.Builder builder = QueryRequest.newBuilder().setCollectionName(spec.base().collection())
        .setDbName(db(protocol)).addAllOutputFields(spec.countAll() ? List.of(COUNT) : spec.outputFields());
    // As MilvusClientV2: offset and limit only when positive, the server checks them.
    if (spec.offset() > 0) {
      builder.addQueryParams(KeyValuePair.newBuilder().setKey("offset").setValue(Long.toString(spec.offset())));
    }
    if (spec.limit() > 0) {
      builder.addQueryParams(KeyValuePair.newBuilder().setKey("limit").setValue(Long.toString(spec.limit())));
    }
    if (spec.consistency() == null) {
      builder.setUseDefaultConsistency(true);
    } else {
      builder.setConsistencyLevel(spec.consistency().wire());
    }
    QueryRequest template = builder.setGuaranteeTimestamp(Consistency.guaranteeTimestamp(spec.consistency())).build();
    RowSelection selection = spec.selection();
    ToLongFunction<QueryResults> rows = spec.countAll() ? OperationRequests::counted : OperationRequests::returned;
    return new Operation<>(MilvusMethods.QUERY,
        session -> template.toBuilder().setExpr(selection.expr(new io.gatling.javaapi.core.Session(session))).build(),
        QueryResults::getStatus, rows);
  }

  /** The rows of one request: a batch from the source, or the user's rows encoded. */
  private static Function<Session, Batch> batches(WriteSpec spec) {
    RowSource source = spec.rows();
    int batchSize = spec.batchSize();
    if (source != null) {
      return session -> new Batch(source.next(batchSize), batchSize);
    }
    Function<io.gatling.javaapi.core.Session, List<Map<String, Object>>> rows = spec.rowsFunction();
    return session -> {
      List<Map<String, Object>> given = rows.apply(new io.gatling.javaapi.core.Session(session));
      if (given == null) {
        throw new IllegalArgumentException("rows: the function returned null");
      }
      try {
        return new Batch(RowColumns.of(given), given.size());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("rows: " + e.getMessage(), e);
      }
    };
  }

  /** The primary keys a write reports: {@code long[]} for INT64 keys, {@code String[]} for VARCHAR ones. */
  static Object writtenKeys(MutationResult result) {
    return result.getIDs().hasStrId()
        ? result.getIDs().getStrId().getDataList().toArray(String[]::new)
        : result.getIDs().getIntId().getDataList().stream().mapToLong(Long::longValue).toArray();
  }

  /** The count a {@code count(*)} query answered. */
  static long counted(QueryResults results) {
    for (FieldData column : results.getFieldsDataList()) {
      if (column.getFieldName().equals(COUNT) && column.getScalars().getLongData().getDataCount() > 0) {
        return column.getScalars().getLongData().getData(0);
      }
    }
    return 0;
  }

  /** The rows a query returned: the length of its primary key column (Milvus always returns it), else of its first. */
  static long returned(QueryResults results) {
    FieldData counted = null;
    for (FieldData column : results.getFieldsDataList()) {
      if (counted == null || column.getFieldName().equals(results.getPrimaryFieldName())) {
        counted = column;
      }
    }
    if (counted == null) {
      return 0;
    }
    if (counted.hasVectors()) {
      int dim = (int) counted.getVectors().getDim();
      return dim == 0 ? 0 : counted.getVectors().getFloatVector().getDataCount() / dim;
    }
    ScalarField scalars = counted.getScalars();
    return switch (scalars.getDataCase()) {
      case LONG_DATA -> scalars.getLongData().getDataCount();
      case INT_DATA -> scalars.getIntData().getDataCount();
      case STRING_DATA -> scalars.getStringData().getDataCount();
      case BOOL_DATA -> scalars.getBoolData().getDataCount();
      case FLOAT_DATA -> scalars.getFloatData().getDataCount();
      case DOUBLE_DATA -> scalars.getDoubleData().getDataCount();
      case JSON_DATA -> scalars.getJsonData().getDataCount();
      default -> 0;
    };
  }

  private static String db(MilvusProtocol protocol) {
    // An unset proto3 string and "" are the same on the wire: the server's default database.
    return protocol.endpoint().db() == null ? "" : protocol.endpoint().db();
  }
}
