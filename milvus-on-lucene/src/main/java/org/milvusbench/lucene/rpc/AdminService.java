package org.milvusbench.lucene.rpc;

import io.milvus.grpc.*;
import io.milvus.shaded.io.grpc.stub.StreamObserver;
import org.milvusbench.lucene.metrics.ServiceTimes;
import org.milvusbench.lucene.store.CollectionStore;
import org.milvusbench.lucene.store.Database;

/**
 * The administrative half of the gRPC face: connection and system RPCs, databases, collections,
 * partitions, aliases, indexes and load state; everything but the rows. These answer at once; the
 * row half ({@link MilvusServiceImpl}) adds what only searches and queries get: the injected delay
 * and the service-time record.
 */
abstract class AdminService extends MilvusServiceGrpc.MilvusServiceImplBase {
  private final CollectionStore store;
  private final SystemRpcs system;
  private final DatabaseRpcs databases;
  private final CollectionRpcs collections;
  private final IndexRpcs indexes;
  private final LoadRpcs loads;
  private final PartitionRpcs partitions;
  private final AliasRpcs aliases;

  AdminService(CollectionStore store, ServiceTimes serviceTimes) {
    this.store = store;
    this.system = new SystemRpcs(serviceTimes);
    this.databases = new DatabaseRpcs(store);
    this.collections = new CollectionRpcs();
    this.indexes = new IndexRpcs(store);
    this.loads = new LoadRpcs();
    this.partitions = new PartitionRpcs();
    this.aliases = new AliasRpcs();
  }

  /** The database the request addresses ({@link DatabaseHeader}); Milvus's 800 when there is none by that name. */
  final Database db(String requestDbName) {
    return store.database(DatabaseHeader.resolve(requestDbName));
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
}
