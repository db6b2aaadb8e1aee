package org.milvusbench.sweep;

/** The sweep's console lines, all prefixed {@code [milvus-sweep]} so they stand out in Maven's output. */
public final class SweepLog {
  private SweepLog() {}

  public static void log(String message) {
    System.out.println("[milvus-sweep] " + message);
  }
}
