package org.milvusbench.lucene.rpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.milvus.grpc.BoolResponse;
import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.ConsistencyLevel;
import io.milvus.grpc.CreateCollectionRequest;
import io.milvus.grpc.DescribeCollectionRequest;
import io.milvus.grpc.DescribeCollectionResponse;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.GetCollectionStatisticsResponse;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.ShowCollectionsResponse;
import io.milvus.grpc.Status;
import java.util.Comparator;
import java.util.List;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.Database;
import org.milvusbench.lucene.store.SchemaSupport;

/** Create / drop / has / describe / list collections and their statistics. */
final class CollectionRpcs {
  /**
   * Field ids are assigned from 100 upward, as Milvus does; the schema is stored as sent otherwise (a
   * dynamic collection's {@code $meta} is implied, and like Milvus's DescribeCollection this server never
   * lists it: MilvusClientV2 would otherwise demand a {@code $meta} key in every inserted row). What this
   * server cannot honour is refused first ({@link SchemaSupport}).
   */
  Status create(Database db, CreateCollectionRequest request) throws Exception {
    CollectionSchema schema;
    try {
      schema = CollectionSchema.parseFrom(request.getSchema());
    } catch (InvalidProtocolBufferException e) {
      throw MilvusException.invalid("the collection schema is not a valid CollectionSchema protobuf: " + e.getMessage());
    }
    SchemaSupport.check(schema, request.getPropertiesList());
    CollectionSchema.Builder b = schema.toBuilder().setName(request.getCollectionName()).clearFields();
    long fieldId = 100;
    for (FieldSchema f : schema.getFieldsList()) {
      b.addFields(f.toBuilder().setFieldID(fieldId++).build());
    }
    ConsistencyLevel level = request.getConsistencyLevel();
    db.create(request.getCollectionName(), b.build(), level.getNumber());
    return Statuses.OK;
  }

  /** The schema as DescribeCollection lists it: without a dynamic field, as Milvus's proxy hides it. */
  private static CollectionSchema listed(CollectionSchema schema) {
    CollectionSchema.Builder b = schema.toBuilder().clearFields();
    schema.getFieldsList().stream().filter(f -> !f.getIsDynamic()).forEach(b::addFields);
    return b.build();
  }

  Status drop(Database db, String name) throws Exception {
    db.drop(name);
    return Statuses.OK;
  }

  BoolResponse has(Database db, String name) {
    return BoolResponse.newBuilder().setStatus(Statuses.OK).setValue(db.find(name) != null).build();
  }

  DescribeCollectionResponse describe(Database db, DescribeCollectionRequest request) {
    Collection c = db.get(request.getCollectionName());
    long createdTs = c.state().createdMillis() << 18;
    return DescribeCollectionResponse.newBuilder()
        .setStatus(Statuses.OK)
        .setSchema(listed(c.schema().proto()))
        .setCollectionID(c.state().collectionId())
        .setCollectionName(c.name())
        .setDbName(db.name())
        .setShardsNum(1)
        .addVirtualChannelNames(c.name() + "-dml_0_v0")
        .addPhysicalChannelNames(c.name() + "-dml_0")
        .setConsistencyLevelValue(c.state().consistencyLevel())
        .setCreatedTimestamp(createdTs)
        .setCreatedUtcTimestamp(c.state().createdMillis())
        .setNumPartitions(c.partitions().all().size())
        .addAllAliases(db.aliases().entrySet().stream().filter(e -> e.getValue().equals(c.name()))
            .map(java.util.Map.Entry::getKey).sorted().toList())
        .setUpdateTimestamp(createdTs)
        .build();
  }

  ShowCollectionsResponse show(Database db) {
    List<Collection> all = db.list();
    all.sort(Comparator.comparing(Collection::name));
    ShowCollectionsResponse.Builder b = ShowCollectionsResponse.newBuilder().setStatus(Statuses.OK);
    for (Collection c : all) {
      b.addCollectionNames(c.name())
          .addCollectionIds(c.state().collectionId())
          .addCreatedTimestamps(c.state().createdMillis() << 18)
          .addCreatedUtcTimestamps(c.state().createdMillis())
          .addInMemoryPercentages(c.loaded() ? 100 : 0)
          .addQueryServiceAvailable(c.loaded())
          .addShardsNum(1);
    }
    return b.build();
  }

  GetCollectionStatisticsResponse statistics(Database db, String name) throws Exception {
    Collection c = db.get(name);
    return GetCollectionStatisticsResponse.newBuilder()
        .setStatus(Statuses.OK)
        .addStats(KeyValuePair.newBuilder().setKey("row_count").setValue(Long.toString(c.rowCount())))
        .build();
  }
}
