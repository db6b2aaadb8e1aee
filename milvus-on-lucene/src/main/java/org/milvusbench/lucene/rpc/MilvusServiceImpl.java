package org.milvusbench.lucene.rpc;

import io.milvus.grpc.*;
import io.milvus.shaded.io.grpc.stub.StreamObserver;
import java.util.concurrent.Callable;
import org.milvusbench.lucene.metrics.ServiceTimes;
import org.milvusbench.lucene.store.CollectionStore;

/**
 * The gRPC face of the target: every implemented MilvusService RPC delegates to a small handler per
 * family and always answers with a response; failures become the response's {@code status} (see
 * {@link Statuses}), never a gRPC error, because the Java client retries those as if the server were
 * down. {@link AdminService} holds everything but the rows; here are writes, searches and queries.
 * RPCs overridden in neither answer UNIMPLEMENTED (the generated base does that).
 */
public final class MilvusServiceImpl extends AdminService {
  private final DataRpcs data;
  private final SearchRpcs searches;
  private final HybridSearchRpcs hybridSearches;
  private final QueryRpcs queries;
  private final ServiceTimes serviceTimes;
  private final long serviceDelayMillis;

  /** @param serviceDelayMillis injected delay per search / query (fault tests); 0 for none */
  public MilvusServiceImpl(CollectionStore store, ServiceTimes serviceTimes, long serviceDelayMillis) {
    super(store, serviceTimes);
    this.data = new DataRpcs();
    IteratorSessions iteratorSessions = new IteratorSessions();
    this.searches = new SearchRpcs(iteratorSessions);
    this.hybridSearches = new HybridSearchRpcs(searches);
    this.queries = new QueryRpcs(iteratorSessions);
    this.serviceTimes = serviceTimes;
    this.serviceDelayMillis = serviceDelayMillis;
  }

  private void injectDelay() throws InterruptedException {
    if (serviceDelayMillis > 0) {
      Thread.sleep(serviceDelayMillis);
    }
  }

  // --- data
  @Override
  public void insert(InsertRequest r, StreamObserver<MutationResult> o) {
    Answers.answer(o, MutationResult.getDefaultInstance(), () -> data.insert(db(r.getDbName()), r));
  }

  @Override
  public void upsert(UpsertRequest r, StreamObserver<MutationResult> o) {
    Answers.answer(o, MutationResult.getDefaultInstance(), () -> data.upsert(db(r.getDbName()), r));
  }

  @Override
  public void delete(DeleteRequest r, StreamObserver<MutationResult> o) {
    Answers.answer(o, MutationResult.getDefaultInstance(), () -> data.delete(db(r.getDbName()), r));
  }

  @Override
  public void flush(FlushRequest r, StreamObserver<FlushResponse> o) {
    Answers.answer(o, FlushResponse.getDefaultInstance(), () -> data.flush(db(r.getDbName()), r));
  }

  @Override
  public void getFlushState(GetFlushStateRequest r, StreamObserver<GetFlushStateResponse> o) {
    Answers.answer(o, GetFlushStateResponse.getDefaultInstance(), data::flushState);
  }

  // --- search / query
  @Override
  public void search(SearchRequest r, StreamObserver<SearchResults> o) {
    timedSearch(o, () -> searches.search(db(r.getDbName()), r));
  }

  /** A search too: delayed and timed like one. */
  @Override
  public void hybridSearch(HybridSearchRequest r, StreamObserver<SearchResults> o) {
    timedSearch(o, () -> hybridSearches.search(db(r.getDbName()), r));
  }

  /** Service time: arrival here to the response handed to gRPC, every search (successes: the query node's). */
  private void timedSearch(StreamObserver<SearchResults> o, Callable<SearchResults> search) {
    long start = System.nanoTime();
    boolean[] succeeded = {false};
    Answers.answer(o, SearchResults.getDefaultInstance(), () -> {
      injectDelay();
      SearchResults out = search.call();
      succeeded[0] = !RpcMetrics.replyFailed(out);
      return out;
    });
    serviceTimes.record(start, succeeded[0]);
  }

  @Override
  public void query(QueryRequest r, StreamObserver<QueryResults> o) {
    Answers.answer(o, QueryResults.getDefaultInstance(), () -> {
      injectDelay();
      return queries.query(db(r.getDbName()), r);
    });
  }
}
