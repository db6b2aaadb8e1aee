package org.milvusbench.dataprep;

/**
 * A failure the user can act on: the message names the thing that was wrong (flag, file and byte
 * offset, collection field, URI) and what is allowed. The CLI prints only the message.
 */
public class DataPrepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with a complete, user-facing message. */
  public DataPrepException(String message) {
    super(message);
  }

  /** A failure with a complete, user-facing message and the underlying cause (kept for debugging). */
  public DataPrepException(String message, Throwable cause) {
    super(message, cause);
  }
}
