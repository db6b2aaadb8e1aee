package org.milvusbench.sweep.run;

import java.io.UncheckedIOException;

/**
 * How a run that could not start ends: one line naming what was wrong (the key or URI), then exit
 * {@value SweepRun#SETUP_EXIT_STATUS} before Gatling starts, instead of Gatling's "Run crashed" and a
 * stack trace. {@code -Dsweep.debug=true} adds the trace.
 */
final class SetupFailure {
  private SetupFailure() {}

  /** Prints {@code e} as one line and exits the JVM; returns only if {@code System.exit} does not. */
  static void exit(Throwable e) {
    // UncheckedIOException's message is the cause's toString(); the cause's own message reads better.
    Throwable shown = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String message = shown.getMessage() == null ? shown.toString() : shown.getMessage();
    System.err.println("[milvus-sweep] error: " + message);
    if (Boolean.parseBoolean(System.getProperty("sweep.debug"))) {
      e.printStackTrace();
    } else {
      System.err.println("[milvus-sweep] (-Dsweep.debug=true prints the stack trace)");
    }
    System.out.flush();
    System.err.flush();
    System.exit(SweepRun.SETUP_EXIT_STATUS);
  }
}
