package org.milvusbench.analyzer;

import java.util.List;

/** An SLA of the gate was breached; the message has one line per breach. */
public final class SlaBreachException extends RuntimeException {
  private final List<String> breaches;

  public SlaBreachException(List<String> breaches) {
    super("SLA breached:\n" + String.join("\n", breaches), null, false, false);
    this.breaches = List.copyOf(breaches);
  }

  /** The breach lines, as {@link AnalysisReport#breaches()}. */
  public List<String> breaches() {
    return breaches;
  }
}
