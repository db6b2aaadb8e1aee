package org.milvusbench.analyzer;

/**
 * One SLA of the gate (one JUnit test case).
 *
 * @param name stable id: {@code p95}, {@code failureRate}, {@code recall}, {@code knee}, {@code
 *     operatingPoint}
 * @param description the SLA as a user reads it ("P95 ≤ 100 ms")
 * @param message on a pass, what met it; on a breach, the one-line breach
 */
public record SlaCheck(String name, String description, boolean passed, String message) {}
