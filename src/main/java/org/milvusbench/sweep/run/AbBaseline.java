package org.milvusbench.sweep.run;

import java.io.IOException;
import java.nio.file.Path;
import org.milvusbench.gatling.MilvusDsl;
import org.milvusbench.gatling.MilvusProtocolBuilder;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.sweep.SweepLog;
import org.milvusbench.sweep.config.SweepConfig;
import org.milvusbench.sweep.setup.TargetSetup;

/**
 * The A/B mode's baseline target ({@code compare.uri}) as the run uses it: prepared by the same setup
 * as the candidate, its own protocol (so its own channels), admin connection and server scrapes. The
 * levels send the candidate's query vectors to it; recall is scored with its own ground truth, as
 * its keys are its own.
 */
record AbBaseline(TargetSetup.Prepared target, MilvusProtocolBuilder protocol, AdminClient admin, ServerScrapes scrapes)
    implements AutoCloseable {

  static AbBaseline prepare(SweepConfig config, Path runDir, TargetSetup.Prepared candidate) throws IOException {
    SweepLog.log("A/B mode: baseline target " + config.compare().uri() + "; each level runs on both targets, the"
        + " baseline first in odd trials and the candidate first in even ones");
    TargetSetup.Prepared target = TargetSetup.prepareBaseline(config, runDir);
    if (!target.collection().equals(candidate.collection())
        || target.queries().dimension() != candidate.queries().dimension()) {
      target.close();
      throw new IllegalArgumentException("compare.uri: the baseline's collection " + target.collection() + " (dimension "
          + target.queries().dimension() + ") is not the candidate's " + candidate.collection() + " (dimension "
          + candidate.queries().dimension() + ")");
    }
    MilvusProtocolBuilder protocol = MilvusDsl.milvus().endpoint(target.target().endpoint())
        .deadline(config.deadline()).channels(config.channels());
    return new AbBaseline(target, protocol, new AdminClient(target.target().endpoint()),
        ServerScrapes.of(null, target.target()));
  }

  /**
   * The candidate's query vectors (what every level sends) with this target's ground truth when its
   * pool holds the same vectors, else without ground truth (recall not measured on the baseline).
   */
  QueryVectors queries(QueryVectors sent) {
    QueryVectors own = target.queries();
    return own.hasGroundTruth() && own.sameVectors(sent) ? own : sent.withoutGroundTruth();
  }

  @Override
  public void close() {
    admin.close();
    target.close();
  }
}
