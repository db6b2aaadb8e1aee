package org.milvusbench.lucene.rpc;

import io.milvus.shaded.io.grpc.Context;
import io.milvus.shaded.io.grpc.Contexts;
import io.milvus.shaded.io.grpc.Metadata;
import io.milvus.shaded.io.grpc.ServerCall;
import io.milvus.shaded.io.grpc.ServerCallHandler;
import io.milvus.shaded.io.grpc.ServerInterceptor;
import org.milvusbench.lucene.store.CollectionStore;

/**
 * Which database a call addresses. Clients name it two ways: the {@code db_name} field most requests
 * carry, and the {@code dbname} header a connection sends with every call (MilvusClientV2's
 * {@code ConnectConfig.dbName} and {@code useDatabase}, which reconnects with it). As in Milvus's proxy
 * (its DatabaseInterceptor fills an empty {@code db_name} from the header), the field wins, then the
 * header, then {@code default}. This interceptor puts the header into the call's gRPC context, where
 * the handler, running inside the call's listener, finds it.
 */
public final class DatabaseHeader implements ServerInterceptor {
  private static final Metadata.Key<String> DBNAME = Metadata.Key.of("dbname", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> HEADER_DATABASE = Context.key("milvus-dbname-header");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String db = headers.get(DBNAME);
    if (db == null || db.isEmpty()) {
      return next.startCall(call, headers);
    }
    return Contexts.interceptCall(Context.current().withValue(HEADER_DATABASE, db), call, headers, next);
  }

  /** The database named by the request's {@code db_name}, else by the connection's header, else the default. */
  static String resolve(String requestDbName) {
    if (requestDbName != null && !requestDbName.isEmpty()) {
      return requestDbName;
    }
    String header = HEADER_DATABASE.get();
    return header == null ? CollectionStore.DEFAULT_DATABASE : header;
  }
}
