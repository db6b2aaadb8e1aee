package org.milvusbench.lucene.rpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.milvus.grpc.*;
import io.milvus.shaded.io.grpc.stub.StreamObserver;
import java.util.concurrent.Callable;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.metrics.ServiceTimes;
import org.milvusbench.lucene.store.CollectionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC face of the target: every implemented MilvusService RPC delegates to a small handler per
 * family and always answers with a response; failures become the response's {@code status} (see
 * {@link Statuses}), never a gRPC error, because the Java client retries those as if the server were
 * down. RPCs not overridden here answer UNIMPLEMENTED (the generated base does that).
 */
public final class MilvusServiceImpl extends MilvusServiceGrpc.MilvusServiceImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(MilvusServiceImpl.class);

  private final SystemRpcs system;
  private final CollectionRpcs collections;
  private final DataRpcs data;
  private final IndexRpcs indexes;
  private final LoadRpcs loads;
  private final SearchRpcs searches;
  private final QueryRpcs queries;
  private final ServiceTimes serviceTimes;
  private final long serviceDelayMillis;

  /** @param serviceDelayMillis injected delay per search / query (fault tests); 0 for none */
  public MilvusServiceImpl(CollectionStore store, ServiceTimes serviceTimes, long serviceDelayMillis) {
    this.system = new SystemRpcs(serviceTimes);
    this.collections = new CollectionRpcs(store);
    this.data = new DataRpcs(store);
    this.indexes = new IndexRpcs(store);
    this.loads = new LoadRpcs(store);
    this.searches = new SearchRpcs(store);
    this.queries = new QueryRpcs(store);
    this.serviceTimes = serviceTimes;
    this.serviceDelayMillis = serviceDelayMillis;
  }

  private static <T extends Message> void answer(StreamObserver<T> observer, T defaultInstance, Callable<T> body) {
    T response;
    try {
      response = body.call();
    } catch (Throwable t) {
      Status status = Statuses.of(t);
      if (status.getCode() == MilvusException.UNEXPECTED) {
        LOG.warn("unexpected failure answering {}", defaultInstance.getDescriptorForType().getName(), t);
      }
      response = failure(defaultInstance, status);
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /** A response of the RPC's type carrying only the failure status. */
  @SuppressWarnings("unchecked")
  static <T extends Message> T failure(T defaultInstance, Status status) {
    if (defaultInstance instanceof Status) {
      return (T) status;
    }
    Message.Builder b = defaultInstance.newBuilderForType();
    FieldDescriptor field = b.getDescriptorForType().findFieldByName("status");
    b.setField(field, status);
    return (T) b.build();
  }

  private void injectDelay() throws InterruptedException {
    if (serviceDelayMillis > 0) {
      Thread.sleep(serviceDelayMillis);
    }
  }

  // --- system
  @Override
  public void connect(ConnectRequest r, StreamObserver<ConnectResponse> o) {
    answer(o, ConnectResponse.getDefaultInstance(), () -> system.connect(r));
  }

  @Override
  public void getVersion(GetVersionRequest r, StreamObserver<GetVersionResponse> o) {
    answer(o, GetVersionResponse.getDefaultInstance(), system::version);
  }

  @Override
  public void checkHealth(CheckHealthRequest r, StreamObserver<CheckHealthResponse> o) {
    answer(o, CheckHealthResponse.getDefaultInstance(), system::health);
  }

  @Override
  public void listDatabases(ListDatabasesRequest r, StreamObserver<ListDatabasesResponse> o) {
    answer(o, ListDatabasesResponse.getDefaultInstance(), system::listDatabases);
  }

  @Override
  public void allocTimestamp(AllocTimestampRequest r, StreamObserver<AllocTimestampResponse> o) {
    answer(o, AllocTimestampResponse.getDefaultInstance(), system::allocTimestamp);
  }

  @Override
  public void getMetrics(GetMetricsRequest r, StreamObserver<GetMetricsResponse> o) {
    answer(o, GetMetricsResponse.getDefaultInstance(), () -> system.metrics(r));
  }

  // --- collections
  @Override
  public void createCollection(CreateCollectionRequest r, StreamObserver<Status> o) {
    answer(o, Status.getDefaultInstance(), () -> collections.create(r));
  }

  @Override
  public void dropCollection(DropCollectionRequest r, StreamObserver<Status> o) {
    answer(o, Status.getDefaultInstance(), () -> collections.drop(r.getCollectionName()));
  }

  @Override
  public void hasCollection(HasCollectionRequest r, StreamObserver<BoolResponse> o) {
    answer(o, BoolResponse.getDefaultInstance(), () -> collections.has(r.getCollectionName()));
  }

  @Override
  public void describeCollection(DescribeCollectionRequest r, StreamObserver<DescribeCollectionResponse> o) {
    answer(o, DescribeCollectionResponse.getDefaultInstance(), () -> collections.describe(r));
  }

  @Override
  public void showCollections(ShowCollectionsRequest r, StreamObserver<ShowCollectionsResponse> o) {
    answer(o, ShowCollectionsResponse.getDefaultInstance(), collections::show);
  }

  @Override
  public void getCollectionStatistics(GetCollectionStatisticsRequest r,
      StreamObserver<GetCollectionStatisticsResponse> o) {
    answer(o, GetCollectionStatisticsResponse.getDefaultInstance(), () -> collections.statistics(r.getCollectionName()));
  }

  @Override
  public void showPartitions(ShowPartitionsRequest r, StreamObserver<ShowPartitionsResponse> o) {
    answer(o, ShowPartitionsResponse.getDefaultInstance(), () -> collections.partitions(r.getCollectionName()));
  }

  @Override
  public void hasPartition(HasPartitionRequest r, StreamObserver<BoolResponse> o) {
    answer(o, BoolResponse.getDefaultInstance(),
        () -> collections.hasPartition(r.getCollectionName(), r.getPartitionName()));
  }

  // --- data
  @Override
  public void insert(InsertRequest r, StreamObserver<MutationResult> o) {
    answer(o, MutationResult.getDefaultInstance(), () -> data.insert(r));
  }

  @Override
  public void upsert(UpsertRequest r, StreamObserver<MutationResult> o) {
    answer(o, MutationResult.getDefaultInstance(), () -> data.upsert(r));
  }

  @Override
  public void delete(DeleteRequest r, StreamObserver<MutationResult> o) {
    answer(o, MutationResult.getDefaultInstance(), () -> data.delete(r));
  }

  @Override
  public void flush(FlushRequest r, StreamObserver<FlushResponse> o) {
    answer(o, FlushResponse.getDefaultInstance(), () -> data.flush(r));
  }

  @Override
  public void getFlushState(GetFlushStateRequest r, StreamObserver<GetFlushStateResponse> o) {
    answer(o, GetFlushStateResponse.getDefaultInstance(), data::flushState);
  }

  // --- index
  @Override
  public void createIndex(CreateIndexRequest r, StreamObserver<Status> o) {
    answer(o, Status.getDefaultInstance(), () -> indexes.create(r));
  }

  @Override
  public void describeIndex(DescribeIndexRequest r, StreamObserver<DescribeIndexResponse> o) {
    answer(o, DescribeIndexResponse.getDefaultInstance(), () -> indexes.describe(r.getCollectionName(), r.getIndexName()));
  }

  @Override
  public void dropIndex(DropIndexRequest r, StreamObserver<Status> o) {
    answer(o, Status.getDefaultInstance(), () -> indexes.drop(r.getCollectionName(), r.getIndexName()));
  }

  @Override
  public void getIndexState(GetIndexStateRequest r, StreamObserver<GetIndexStateResponse> o) {
    answer(o, GetIndexStateResponse.getDefaultInstance(), () -> indexes.state(r.getCollectionName(), r.getIndexName()));
  }

  @Override
  public void getIndexBuildProgress(GetIndexBuildProgressRequest r, StreamObserver<GetIndexBuildProgressResponse> o) {
    answer(o, GetIndexBuildProgressResponse.getDefaultInstance(),
        () -> indexes.buildProgress(r.getCollectionName(), r.getIndexName()));
  }

  // --- load
  @Override
  public void loadCollection(LoadCollectionRequest r, StreamObserver<Status> o) {
    answer(o, Status.getDefaultInstance(), () -> loads.load(r.getCollectionName()));
  }

  @Override
  public void releaseCollection(ReleaseCollectionRequest r, StreamObserver<Status> o) {
    answer(o, Status.getDefaultInstance(), () -> loads.release(r.getCollectionName()));
  }

  @Override
  public void getLoadState(GetLoadStateRequest r, StreamObserver<GetLoadStateResponse> o) {
    answer(o, GetLoadStateResponse.getDefaultInstance(), () -> loads.state(r.getCollectionName()));
  }

  @Override
  public void getLoadingProgress(GetLoadingProgressRequest r, StreamObserver<GetLoadingProgressResponse> o) {
    answer(o, GetLoadingProgressResponse.getDefaultInstance(), () -> loads.progress(r.getCollectionName()));
  }

  // --- search / query
  /** Service time: from arrival here to the response handed to gRPC, recorded for every search. */
  @Override
  public void search(SearchRequest r, StreamObserver<SearchResults> o) {
    long start = System.nanoTime();
    answer(o, SearchResults.getDefaultInstance(), () -> {
      injectDelay();
      return searches.search(r);
    });
    serviceTimes.record(start);
  }

  @Override
  public void query(QueryRequest r, StreamObserver<QueryResults> o) {
    answer(o, QueryResults.getDefaultInstance(), () -> {
      injectDelay();
      return queries.query(r);
    });
  }
}
