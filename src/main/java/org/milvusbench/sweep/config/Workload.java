package org.milvusbench.sweep.config;

import java.util.Map;

/**
 * What the levels' virtual users do ({@code sweep.workload}).
 *
 * @param kind search, streaming or mixed
 * @param mix mixed: operation → weight, in the order written; the other kinds ignore it
 * @param ingestRate streaming: rows/s the background ingest inserts
 * @param batch rows per insert, upsert and delete request
 */
public record Workload(Kind kind, Map<String, Integer> mix, double ingestRate, int batch) {

  public enum Kind { SEARCH, STREAMING, MIXED }

  public Workload {
    mix = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mix));
  }

  /** True when the workload writes to the collection (and so restores it at the end). */
  public boolean writes() {
    return kind != Kind.SEARCH;
  }

  /** The workload's name as configured. */
  public String name() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
