package org.milvusbench.milvus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One scrape of a Milvus endpoint: each {@link ServerMetric}'s histogram (cumulative since the server
 * started) and the process's CPU seconds. A metric the endpoint does not expose is absent, not empty:
 * an empty histogram means no searches yet, an absent one that the server has no such stage.
 *
 * @param histograms by metric, only those exposed
 * @param cpuSeconds {@value ServerMetric#PROCESS_CPU}; null when not exposed
 */
public record PromScrape(Map<ServerMetric, PromHistogram> histograms, Double cpuSeconds) {

  public PromScrape {
    histograms = histograms.isEmpty() ? Map.of() : new EnumMap<>(histograms);
  }

  /** Reads every {@link ServerMetric} and the CPU counter from one exposition. */
  public static PromScrape parse(String exposition) {
    Map<ServerMetric, PromHistogram> out = new EnumMap<>(ServerMetric.class);
    for (ServerMetric m : ServerMetric.values()) {
      PromHistogram h = PromText.histogram(exposition, m.metric(), m.labels());
      if (!h.buckets().isEmpty()) {
        out.put(m, h);
      }
    }
    return new PromScrape(out, PromText.sum(exposition, ServerMetric.PROCESS_CPU, Map.of()));
  }

  /** The exposed metrics' names that this scrape lacks, in {@link ServerMetric} order. */
  public List<String> absent() {
    List<String> out = new ArrayList<>();
    for (ServerMetric m : ServerMetric.values()) {
      if (!histograms.containsKey(m)) {
        out.add(m.metric());
      }
    }
    if (cpuSeconds == null) {
      out.add(ServerMetric.PROCESS_CPU);
    }
    return out;
  }
}
