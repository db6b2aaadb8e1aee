package org.milvusbench.lucene.rpc;

import io.milvus.grpc.*;
import io.milvus.shaded.io.grpc.stub.StreamObserver;
import org.milvusbench.lucene.metrics.ServiceTimes;
import org.milvusbench.lucene.store.CollectionStore;
import org.milvusbench.lucene.store.Database;

/**
 * The gRPC face of the target: every implemented MilvusService RPC delegates to a small handler per
 * family and always answers with a response; failures become the response's {@code status} (see
 * {@link Statuses}), never a gRPC error, because the Java client retries those as if the server were
 * down. RPCs not overridden here answer UNIMPLEMENTED (the generated base does that).
 */
public final class MilvusServiceImpl extends MilvusServiceGrpc.MilvusServiceImplBase {
  private final CollectionStore store;
  private final SystemRpcs system;
  private final DatabaseRpcs databases;
  private final CollectionRpcs collections;
  private final DataRpcs data;
  private final IndexRpcs indexes;
  private final LoadRpcs loads;
  private final PartitionRpcs partitions;
  private final AliasRpcs aliases;
  private final SearchRpcs searches;
  private final HybridSearchRpcs hybridSearches;
  private final QueryRpcs queries;
  private final ServiceTimes serviceTimes;
  private final long serviceDelayMillis;

  /** @param serviceDelayMillis injected delay per search / query (fault tests); 0 for none */
  public MilvusServiceImpl(CollectionStore store, ServiceTimes serviceTimes, long serviceDelayMillis) {
    this.store = store;
    this.system = new SystemRpcs(serviceTimes);
    this.databases = new DatabaseRpcs(store);
    this.collections = new CollectionRpcs();
    this.data = new DataRpcs();
    this.indexes = new IndexRpcs(store);
    this.loads = new LoadRpcs();
    this.partitions = new PartitionRpcs();
    this.aliases = new AliasRpcs();
    IteratorSessions iteratorSessions = new IteratorSessions();
    this.searches = new SearchRpcs(iteratorSessions);
    this.hybridSearches = new HybridSearchRpcs(searches);
    this.queries = new QueryRpcs(iteratorSessions);
    this.serviceTimes = serviceTimes;
    this.serviceDelayMillis = serviceDelayMillis;
  }

  /** The database the request addresses ({@link DatabaseHeader}); Milvus's 800 when there is none by that name. */
  private Database db(String requestDbName) {
    return store.database(DatabaseHeader.resolve(requestDbName));
  }

  private void injectDelay() throws InterruptedException {
    if (serviceDelayMillis > 0) {
      Thread.sleep(serviceDelayMillis);
    }
  }

  // --- system
  @Override
  public void connect(ConnectRequest r, StreamObserver<ConnectResponse> o) {
    // Milvus refuses a connection whose dbname header names no database (MilvusClientV2 checks it at connect).
    Answers.answer(o, ConnectResponse.getDefaultInstance(), () -> {
      db("");
      return system.connect();
    });
  }

  @Override
  public void getVersion(GetVersionRequest r, StreamObserver<GetVersionResponse> o) {
    Answers.answer(o, GetVersionResponse.getDefaultInstance(), system::version);
  }

  @Override
  public void checkHealth(CheckHealthRequest r, StreamObserver<CheckHealthResponse> o) {
    Answers.answer(o, CheckHealthResponse.getDefaultInstance(), system::health);
  }

  @Override
  public void listDatabases(ListDatabasesRequest r, StreamObserver<ListDatabasesResponse> o) {
    Answers.answer(o, ListDatabasesResponse.getDefaultInstance(), databases::list);
  }

  @Override
  public void createDatabase(CreateDatabaseRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> databases.create(r));
  }

  @Override
  public void dropDatabase(DropDatabaseRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> databases.drop(r.getDbName()));
  }

  @Override
  public void describeDatabase(DescribeDatabaseRequest r, StreamObserver<DescribeDatabaseResponse> o) {
    Answers.answer(o, DescribeDatabaseResponse.getDefaultInstance(), () -> databases.describe(DatabaseHeader.resolve(r.getDbName())));
  }

  @Override
  public void allocTimestamp(AllocTimestampRequest r, StreamObserver<AllocTimestampResponse> o) {
    Answers.answer(o, AllocTimestampResponse.getDefaultInstance(), system::allocTimestamp);
  }

  @Override
  public void getMetrics(GetMetricsRequest r, StreamObserver<GetMetricsResponse> o) {
    Answers.answer(o, GetMetricsResponse.getDefaultInstance(), () -> system.metrics(r));
  }

  // --- collections
  @Override
  public void createCollection(CreateCollectionRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> collections.create(db(r.getDbName()), r));
  }

  @Override
  public void dropCollection(DropCollectionRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> collections.drop(db(r.getDbName()), r.getCollectionName()));
  }

  @Override
  public void hasCollection(HasCollectionRequest r, StreamObserver<BoolResponse> o) {
    Answers.answer(o, BoolResponse.getDefaultInstance(), () -> collections.has(db(r.getDbName()), r.getCollectionName()));
  }

  @Override
  public void describeCollection(DescribeCollectionRequest r, StreamObserver<DescribeCollectionResponse> o) {
    Answers.answer(o, DescribeCollectionResponse.getDefaultInstance(), () -> collections.describe(db(r.getDbName()), r));
  }

  @Override
  public void showCollections(ShowCollectionsRequest r, StreamObserver<ShowCollectionsResponse> o) {
    Answers.answer(o, ShowCollectionsResponse.getDefaultInstance(), () -> collections.show(db(r.getDbName())));
  }

  @Override
  public void getCollectionStatistics(GetCollectionStatisticsRequest r,
      StreamObserver<GetCollectionStatisticsResponse> o) {
    Answers.answer(o, GetCollectionStatisticsResponse.getDefaultInstance(), () -> collections.statistics(db(r.getDbName()), r.getCollectionName()));
  }

  // --- partitions
  @Override
  public void createPartition(CreatePartitionRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> partitions.create(db(r.getDbName()), r.getCollectionName(), r.getPartitionName()));
  }

  @Override
  public void dropPartition(DropPartitionRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> partitions.drop(db(r.getDbName()), r.getCollectionName(), r.getPartitionName()));
  }

  @Override
  public void hasPartition(HasPartitionRequest r, StreamObserver<BoolResponse> o) {
    Answers.answer(o, BoolResponse.getDefaultInstance(),
        () -> partitions.has(db(r.getDbName()), r.getCollectionName(), r.getPartitionName()));
  }

  @Override
  public void showPartitions(ShowPartitionsRequest r, StreamObserver<ShowPartitionsResponse> o) {
    Answers.answer(o, ShowPartitionsResponse.getDefaultInstance(), () -> partitions.show(db(r.getDbName()), r));
  }

  @Override
  public void loadPartitions(LoadPartitionsRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(),
        () -> partitions.load(db(r.getDbName()), r.getCollectionName(), r.getPartitionNamesList()));
  }

  @Override
  public void releasePartitions(ReleasePartitionsRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(),
        () -> partitions.release(db(r.getDbName()), r.getCollectionName(), r.getPartitionNamesList()));
  }

  @Override
  public void getPartitionStatistics(GetPartitionStatisticsRequest r, StreamObserver<GetPartitionStatisticsResponse> o) {
    Answers.answer(o, GetPartitionStatisticsResponse.getDefaultInstance(),
        () -> partitions.statistics(db(r.getDbName()), r.getCollectionName(), r.getPartitionName()));
  }

  // --- aliases
  @Override
  public void createAlias(CreateAliasRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> aliases.create(db(r.getDbName()), r.getAlias(), r.getCollectionName()));
  }

  @Override
  public void alterAlias(AlterAliasRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> aliases.alter(db(r.getDbName()), r.getAlias(), r.getCollectionName()));
  }

  @Override
  public void dropAlias(DropAliasRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> aliases.drop(db(r.getDbName()), r.getAlias()));
  }

  @Override
  public void describeAlias(DescribeAliasRequest r, StreamObserver<DescribeAliasResponse> o) {
    Answers.answer(o, DescribeAliasResponse.getDefaultInstance(), () -> aliases.describe(db(r.getDbName()), r.getAlias()));
  }

  @Override
  public void listAliases(ListAliasesRequest r, StreamObserver<ListAliasesResponse> o) {
    Answers.answer(o, ListAliasesResponse.getDefaultInstance(), () -> aliases.list(db(r.getDbName()), r.getCollectionName()));
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

  // --- index
  @Override
  public void createIndex(CreateIndexRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> indexes.create(db(r.getDbName()), r));
  }

  @Override
  public void describeIndex(DescribeIndexRequest r, StreamObserver<DescribeIndexResponse> o) {
    Answers.answer(o, DescribeIndexResponse.getDefaultInstance(), () -> indexes.describe(db(r.getDbName()), r.getCollectionName(), r.getIndexName(), r.getFieldName()));
  }

  @Override
  public void dropIndex(DropIndexRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> indexes.drop(db(r.getDbName()), r.getCollectionName(), r.getIndexName()));
  }

  @Override
  public void getIndexState(GetIndexStateRequest r, StreamObserver<GetIndexStateResponse> o) {
    Answers.answer(o, GetIndexStateResponse.getDefaultInstance(), () -> indexes.state(db(r.getDbName()), r.getCollectionName(), r.getIndexName()));
  }

  @Override
  public void getIndexBuildProgress(GetIndexBuildProgressRequest r, StreamObserver<GetIndexBuildProgressResponse> o) {
    Answers.answer(o, GetIndexBuildProgressResponse.getDefaultInstance(),
        () -> indexes.buildProgress(db(r.getDbName()), r.getCollectionName(), r.getIndexName()));
  }

  // --- load
  @Override
  public void loadCollection(LoadCollectionRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> loads.load(db(r.getDbName()), r.getCollectionName()));
  }

  @Override
  public void releaseCollection(ReleaseCollectionRequest r, StreamObserver<Status> o) {
    Answers.answer(o, Status.getDefaultInstance(), () -> loads.release(db(r.getDbName()), r.getCollectionName()));
  }

  @Override
  public void getLoadState(GetLoadStateRequest r, StreamObserver<GetLoadStateResponse> o) {
    Answers.answer(o, GetLoadStateResponse.getDefaultInstance(), () -> loads.state(db(r.getDbName()), r.getCollectionName(), r.getPartitionNamesList()));
  }

  @Override
  public void getLoadingProgress(GetLoadingProgressRequest r, StreamObserver<GetLoadingProgressResponse> o) {
    Answers.answer(o, GetLoadingProgressResponse.getDefaultInstance(), () -> loads.progress(db(r.getDbName()), r.getCollectionName(), r.getPartitionNamesList()));
  }

  // --- search / query
  /** Service time: arrival here to the response handed to gRPC, every search (successes: the query node's). */
  @Override
  public void search(SearchRequest r, StreamObserver<SearchResults> o) {
    long start = System.nanoTime();
    boolean[] succeeded = {false};
    Answers.answer(o, SearchResults.getDefaultInstance(), () -> {
      injectDelay();
      SearchResults out = searches.search(db(r.getDbName()), r);
      succeeded[0] = !RpcMetrics.replyFailed(out);
      return out;
    });
    serviceTimes.record(start, succeeded[0]);
  }

  /** A search too: delayed and timed like one. */
  @Override
  public void hybridSearch(HybridSearchRequest r, StreamObserver<SearchResults> o) {
    long start = System.nanoTime();
    boolean[] succeeded = {false};
    Answers.answer(o, SearchResults.getDefaultInstance(), () -> {
      injectDelay();
      SearchResults out = hybridSearches.search(db(r.getDbName()), r);
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
