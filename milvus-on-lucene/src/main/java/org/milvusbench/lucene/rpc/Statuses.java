package org.milvusbench.lucene.rpc;

import io.milvus.grpc.ErrorCode;
import io.milvus.grpc.Status;
import org.milvusbench.lucene.error.MilvusException;

/**
 * The one place mapping our failures to Milvus {@code common.Status}. Like Milvus 2.3+ it sets the
 * numeric {@code code} (merr) and, for older clients, the deprecated {@code error_code} derived the way
 * merr's {@code oldCode} does.
 */
public final class Statuses {
  public static final Status OK = Status.newBuilder().setErrorCode(ErrorCode.Success).setCode(0).build();

  private Statuses() {}

  public static Status of(MilvusException e) {
    return Status.newBuilder()
        .setErrorCode(legacyCode(e.code()))
        .setCode(e.code())
        .setReason(e.getMessage())
        .setDetail(e.getMessage())
        .build();
  }

  /** Anything that is not a {@link MilvusException} is a server bug or an I/O failure: merr's unexpected error. */
  public static Status of(Throwable t) {
    if (t instanceof MilvusException) {
      return of((MilvusException) t);
    }
    if (t instanceof IllegalArgumentException) {
      // Lucene's own argument checks (e.g. a zero vector under COSINE): the request was at fault.
      return of(MilvusException.invalid(String.valueOf(t.getMessage())));
    }
    String reason = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    return of(new MilvusException(MilvusException.UNEXPECTED, reason));
  }

  @SuppressWarnings("deprecation")
  private static ErrorCode legacyCode(int code) {
    switch (code) {
      case MilvusException.COLLECTION_NOT_FOUND:
        return ErrorCode.CollectionNotExists;
      case MilvusException.PARAMETER_INVALID:
        return ErrorCode.IllegalArgument;
      case MilvusException.INDEX_NOT_FOUND:
        return ErrorCode.IndexNotExist;
      default:
        return ErrorCode.UnexpectedError;
    }
  }
}
