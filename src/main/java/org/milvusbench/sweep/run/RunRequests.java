package org.milvusbench.sweep.run;

import io.milvus.grpc.SearchRequest;
import java.util.List;
import java.util.Locale;
import org.milvusbench.gatling.MilvusDsl;
import org.milvusbench.gatling.MilvusProtocolBuilder;
import org.milvusbench.gatling.MilvusSearchActionBuilder;
import org.milvusbench.gatling.SearchRequests;
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.sweep.config.SweepConfig;
import org.milvusbench.sweep.setup.TargetSetup;

/**
 * What a run sends, as its configuration describes it: the Milvus protocol, the measured search,
 * and the freshness probe's search. Built once per run.
 */
final class RunRequests {
  private final SweepConfig config;
  private final TargetSetup.Prepared target;
  // One builder, so one protocol instance and one set of channels (Gatling keys channels by protocol).
  private final MilvusProtocolBuilder protocol;

  RunRequests(SweepConfig config, TargetSetup.Prepared target) {
    this.config = config;
    this.target = target;
    this.protocol = MilvusDsl.milvus().endpoint(target.target().endpoint()).deadline(config.deadline())
        .channels(config.channels());
  }

  /** The Milvus protocol of this run: always the same instance. */
  MilvusProtocolBuilder protocol() {
    return protocol;
  }

  /** The configured search, named {@code requestName}. */
  MilvusSearchActionBuilder search(String requestName) {
    MilvusSearchActionBuilder search = MilvusDsl.search(requestName).collection(target.collection())
        .annsField(config.annsField()).vectors(target.queries()).topK(config.topK()).nq(config.nq())
        .ef(config.ef()).metric(config.metric()).filter(config.filter()).consistencyLevel(consistency());
    return config.outputFields().isEmpty() ? search : search.outputFields(config.outputFields().toArray(String[]::new));
  }

  /** The freshness probe's search for {@code vector}: the configured one, without filter or output fields. */
  SearchRequest freshnessSearch(float[] vector) {
    MilvusSearchActionBuilder probe = MilvusDsl.search("freshness probe").collection(target.collection())
        .annsField(config.annsField()).vectors(MilvusDsl.queryVectors(List.of(vector))).topK(config.topK())
        .ef(config.ef()).metric(config.metric()).consistencyLevel(consistency());
    return SearchRequests.first(probe, protocol());
  }

  /** {@code search.consistency}; null = the collection's. */
  ConsistencyLevel consistency() {
    return config.consistency() == null ? null : ConsistencyLevel.valueOf(config.consistency().toUpperCase(Locale.ROOT));
  }
}
