/**
 * What runs the Milvus DSL inside Gatling: the protocol value and its key, the channels ({@link
 * org.milvusbench.gatling.internal.MilvusComponents}), the search spec the builders wrap, the
 * Scala-trait glue and the search action.
 *
 * <p>As in Gatling's Java DSL, the public builders ({@code org.milvusbench.gatling}) import this
 * package and this package never imports them; what both need is in {@code
 * org.milvusbench.gatling.core}. Simulations do not use these classes.
 */
package org.milvusbench.gatling.internal;
