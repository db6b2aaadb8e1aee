/**
 * Values both sides of the Milvus DSL work with: the query set ({@link
 * org.milvusbench.gatling.core.QueryVectors}), the per-request callbacks ({@link
 * org.milvusbench.gatling.core.SearchObserver}, {@link org.milvusbench.gatling.core.StartSchedule}).
 *
 * <p>The public builders ({@code org.milvusbench.gatling}) and the action internals ({@code
 * org.milvusbench.gatling.internal}) both import this package; it imports neither, so the three
 * form no cycle.
 */
package org.milvusbench.gatling.core;
