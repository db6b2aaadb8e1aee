package org.milvusbench.lucene.rpc;

import io.milvus.grpc.CreateDatabaseRequest;
import io.milvus.grpc.DescribeDatabaseResponse;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.ListDatabasesResponse;
import io.milvus.grpc.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.CollectionStore;
import org.milvusbench.lucene.store.Database;
import org.milvusbench.lucene.store.DatabaseState;

/**
 * Create / drop / list / describe databases. Names are checked as Milvus's proxy checks them
 * (ValidateDatabaseName in internal/proxy/util.go); timestamps are hybrid (milliseconds shifted 18 bits).
 */
final class DatabaseRpcs {
  private static final int MAX_NAME_LENGTH = 255;
  private final CollectionStore store;

  DatabaseRpcs(CollectionStore store) {
    this.store = store;
  }

  Status create(CreateDatabaseRequest request) throws Exception {
    String name = request.getDbName();
    checkName(name);
    Map<String, String> properties = new LinkedHashMap<>();
    for (KeyValuePair kv : request.getPropertiesList()) {
      properties.put(kv.getKey(), kv.getValue());
    }
    store.createDatabase(name, properties);
    return Statuses.OK;
  }

  Status drop(String name) throws Exception {
    store.dropDatabase(name);
    return Statuses.OK;
  }

  ListDatabasesResponse list() {
    ListDatabasesResponse.Builder out = ListDatabasesResponse.newBuilder().setStatus(Statuses.OK);
    for (Database db : store.databases()) {
      out.addDbNames(db.name()).addDbIds(db.state().id()).addCreatedTimestamp(db.state().createdMillis() << 18);
    }
    return out.build();
  }

  DescribeDatabaseResponse describe(String name) {
    DatabaseState state = store.database(name.isEmpty() ? CollectionStore.DEFAULT_DATABASE : name).state();
    DescribeDatabaseResponse.Builder out = DescribeDatabaseResponse.newBuilder().setStatus(Statuses.OK)
        .setDbName(state.name()).setDbID(state.id()).setCreatedTimestamp(state.createdMillis() << 18);
    state.properties().forEach((k, v) -> out.addProperties(KeyValuePair.newBuilder().setKey(k).setValue(v)));
    return out.build();
  }

  private static void checkName(String name) {
    if (name.isEmpty()) {
      throw invalidName(name, "database name couldn't be empty");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw invalidName(name, "the length of a database name must be less than " + MAX_NAME_LENGTH + " characters");
    }
    char first = name.charAt(0);
    if (first != '_' && !isAsciiLetter(first)) {
      throw invalidName(name, "the first character of a database name must be an underscore or letter");
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && !isAsciiLetter(c) && (c < '0' || c > '9')) {
        throw invalidName(name, "database name can only contain numbers, letters and underscores");
      }
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** merr.WrapErrDatabaseNameInvalid: "{detail}: invalid database name[database={name}]". */
  private static MilvusException invalidName(String name, String detail) {
    return new MilvusException(MilvusException.DATABASE_INVALID_NAME,
        detail + ": invalid database name[database=" + name + "]");
  }
}
