package org.milvusbench.gatling.internal;

import io.grpc.Status;
import java.time.Duration;
import java.util.regex.Pattern;
import org.milvusbench.config.DurationText;

/**
 * gRPC failures as Gatling error messages with one row per cause: Gatling groups KOs by their
 * message, and grpc-java writes the elapsed time and the channel's internals into each description
 * ({@code CallOptions deadline exceeded after 9.999998517s. Name resolution delay 0.000000000
 * seconds. [closed=[], open=[[buffered_nanos=…, remote_addr=…]]]}), so one overloaded level showed
 * hundreds of 0.5 % rows for a single cause.
 */
final class KoMessages {
  private static final Pattern CHANNEL_INTERNALS = Pattern.compile("\\s*\\[(closed|open|buffered_nanos|remote_addr)=.*$");
  private static final Pattern NAME_RESOLUTION = Pattern.compile("\\.?\\s*Name resolution delay [0-9.]+ seconds\\.?");
  private static final Pattern ELAPSED = Pattern.compile("-?\\d+(\\.\\d+)?\\s*(ns|ms|s|seconds)\\b");

  private KoMessages() {}

  /** The message of a call that failed with {@code status} under a deadline of {@code deadlineMillis}. */
  static String of(Status status, long deadlineMillis) {
    if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return "DEADLINE_EXCEEDED: no answer within the " + DurationText.format(Duration.ofMillis(deadlineMillis)) + " deadline";
    }
    String description = status.getDescription();
    if (description == null || description.isBlank()) {
      return status.getCode().name();
    }
    String text = CHANNEL_INTERNALS.matcher(description).replaceAll("");
    text = NAME_RESOLUTION.matcher(text).replaceAll("");
    text = ELAPSED.matcher(text).replaceAll("…").replaceAll("\\s+", " ").trim();
    return text.isEmpty() ? status.getCode().name() : status.getCode().name() + ": " + text;
  }
}
