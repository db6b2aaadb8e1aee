package org.milvusbench.analyzer;

import java.util.List;

/**
 * A bottleneck suspicion: the reference's heuristics (CPU, memory, connection pool) plus the
 * generator check, with the measured evidence and the reference's advice.
 *
 * @param kind {@code CPU}, {@code MEMORY}, {@code CONNECTION_POOL} or {@code GENERATOR}
 * @param where the level or step it concerns ("20→50", "100")
 * @param evidence what was seen, with measured CPU / RSS where the run has them
 */
public record BottleneckHint(String kind, String where, String evidence, List<String> advice) {}
