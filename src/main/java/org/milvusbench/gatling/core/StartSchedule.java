package org.milvusbench.gatling.core;

/**
 * When a request was meant to start. Under an open-model arrival rate, a generator that falls
 * behind sends late; measuring from the send time would hide that wait (coordinated omission), so
 * latency is measured from the intended start instead.
 */
@FunctionalInterface
public interface StartSchedule {

  /** The intended start ({@link System#nanoTime()} scale) of a request sent at {@code sendNanos}. */
  long intendedStartNanos(long sendNanos);

  /** Closed model: the intended start is the send time. */
  StartSchedule AT_SEND = sendNanos -> sendNanos;
}
