package org.milvusbench.dataprep.source;

/**
 * A vector file that cannot give what was asked (unreadable, truncated, wrong shape): the message
 * names the file and, where it helps, the byte offset or dataset.
 */
public final class SourceException extends RuntimeException {
  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
