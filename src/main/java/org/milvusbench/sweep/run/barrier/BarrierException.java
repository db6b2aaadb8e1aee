package org.milvusbench.sweep.run.barrier;

/** A barrier that could not be passed: its message names the barrier's address or the missing injectors. */
public final class BarrierException extends RuntimeException {
  public BarrierException(String message) {
    super(message);
  }
}
