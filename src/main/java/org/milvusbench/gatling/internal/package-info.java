/**
 * What runs the Milvus DSL inside Gatling: the protocol value and its key, the channels ({@link
 * org.milvusbench.gatling.internal.MilvusComponents}), the specs the builders wrap, the requests
 * they make, the Scala-trait glue, and the actions: one unary call shared by all ({@link
 * org.milvusbench.gatling.internal.UnaryAction}), the search action and one action for insert,
 * upsert, delete and query ({@link org.milvusbench.gatling.internal.OperationAction}).
 *
 * <p>As in Gatling's Java DSL, the public builders ({@code org.milvusbench.gatling}) import this
 * package and this package never imports them; what both need is in {@code
 * org.milvusbench.gatling.core}. Simulations do not use these classes.
 */
package org.milvusbench.gatling.internal;
