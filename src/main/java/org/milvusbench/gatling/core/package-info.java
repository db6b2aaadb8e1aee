/**
 * Values both sides of the Milvus DSL work with: the query set ({@link
 * org.milvusbench.gatling.core.QueryVectors}), the rows to write ({@link
 * org.milvusbench.gatling.core.RowSource}, {@link org.milvusbench.gatling.core.DatasetRows}), the
 * per-request callbacks ({@link org.milvusbench.gatling.core.SearchObserver}, {@link
 * org.milvusbench.gatling.core.OperationObserver}, {@link org.milvusbench.gatling.core.StartSchedule})
 * and the enums requests carry ({@link org.milvusbench.gatling.core.Metric}, {@link
 * org.milvusbench.gatling.core.ConsistencyLevel}).
 *
 * <p>The public builders ({@code org.milvusbench.gatling}) and the action internals ({@code
 * org.milvusbench.gatling.internal}) both import this package; it imports neither, so the three
 * form no cycle.
 */
package org.milvusbench.gatling.core;
