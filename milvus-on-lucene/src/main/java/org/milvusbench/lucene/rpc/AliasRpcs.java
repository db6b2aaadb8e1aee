package org.milvusbench.lucene.rpc;

import io.milvus.grpc.DescribeAliasResponse;
import io.milvus.grpc.ListAliasesResponse;
import io.milvus.grpc.Status;
import org.milvusbench.lucene.store.Database;

/** Create / alter / drop / describe / list collection aliases ({@link org.milvusbench.lucene.store.Aliases}). */
final class AliasRpcs {
  Status create(Database db, String alias, String collection) throws Exception {
    db.aliasManager().create(alias, collection);
    return Statuses.OK;
  }

  Status alter(Database db, String alias, String collection) throws Exception {
    db.aliasManager().alter(alias, collection);
    return Statuses.OK;
  }

  Status drop(Database db, String alias) throws Exception {
    db.aliasManager().drop(alias);
    return Statuses.OK;
  }

  DescribeAliasResponse describe(Database db, String alias) {
    String collection = db.aliasManager().describe(alias);
    return DescribeAliasResponse.newBuilder().setStatus(Statuses.OK).setDbName(db.name()).setAlias(alias)
        .setCollection(collection).build();
  }

  ListAliasesResponse list(Database db, String collection) {
    return ListAliasesResponse.newBuilder().setStatus(Statuses.OK).setDbName(db.name()).setCollectionName(collection)
        .addAllAliases(db.aliasManager().list(collection)).build();
  }
}
