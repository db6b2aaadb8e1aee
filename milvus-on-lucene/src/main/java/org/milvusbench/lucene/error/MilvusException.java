package org.milvusbench.lucene.error;

/**
 * A failure to report to the client as a Milvus {@code common.Status}: the numeric {@code code} of
 * Milvus's merr package and a reason in Milvus's wording. Thrown anywhere below the RPC layer;
 * {@code rpc.Statuses} turns it into the response status (never a gRPC failure, which the Java client
 * retries). It sits in a package of its own, below everything else in the server, so that the store and
 * the filter compiler can throw it without depending on the RPC layer that depends on them.
 */
public final class MilvusException extends RuntimeException {
  /** merr codes used by this server (milvus/pkg/util/merr/errors.go). */
  public static final int COLLECTION_NOT_FOUND = 100;
  public static final int COLLECTION_NOT_LOADED = 101;
  public static final int PARTITION_NOT_FOUND = 200;
  public static final int PARTITION_NOT_LOADED = 201;
  public static final int INDEX_NOT_FOUND = 700;
  public static final int INDEX_NOT_SUPPORTED = 701;
  public static final int INDEX_DUPLICATE = 702;
  public static final int DATABASE_NOT_FOUND = 800;
  public static final int DATABASE_NUM_LIMIT_EXCEEDED = 801;
  public static final int DATABASE_INVALID_NAME = 802;
  public static final int PARAMETER_INVALID = 1100;
  public static final int PARAMETER_MISSING = 1101;
  public static final int METRIC_NOT_FOUND = 1200;
  public static final int ALIAS_NOT_FOUND = 1600;
  public static final int ALIAS_COLLECTION_NAME_CONFLICT = 1601;
  public static final int ALIAS_ALREADY_EXIST = 1602;
  public static final int FIELD_NOT_FOUND = 1700;
  /** merr.ErrOperationNotSupported: valid for Milvus, but a feature this server does not have. */
  public static final int OPERATION_NOT_SUPPORTED = 3000;
  /** merr's "unexpected error" for anything we did not anticipate. */
  public static final int UNEXPECTED = 65535;

  private final int code;

  public MilvusException(int code, String reason) {
    super(reason);
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static MilvusException collectionNotFound(String name) {
    return new MilvusException(COLLECTION_NOT_FOUND, "collection not found[collection=" + name + "]");
  }

  public static MilvusException databaseNotFound(String name) {
    return new MilvusException(DATABASE_NOT_FOUND, "database not found[database=" + name + "]");
  }

  public static MilvusException collectionNotLoaded(String name) {
    return new MilvusException(COLLECTION_NOT_LOADED, "collection not loaded[collection=" + name + "]");
  }

  public static MilvusException fieldNotFound(String field, String detail) {
    return new MilvusException(FIELD_NOT_FOUND, "field not found[field=" + field + "]: " + detail);
  }

  /** merr.WrapErrParameterInvalidMsg: "{detail}: invalid parameter". */
  public static MilvusException invalid(String detail) {
    return new MilvusException(PARAMETER_INVALID, detail + ": invalid parameter");
  }

  /** merr.WrapErrOperationNotSupported: "{detail}: unsupported operation". */
  public static MilvusException unsupported(String detail) {
    return new MilvusException(OPERATION_NOT_SUPPORTED, detail + ": unsupported operation");
  }
}
