package org.milvusbench.gatling.internal;

import io.gatling.core.session.Session;
import io.grpc.MethodDescriptor;
import io.milvus.grpc.Status;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What an {@link OperationAction} sends and how it reads the reply: all that differs between
 * insert, upsert, delete and query ({@link OperationRequests} makes them).
 *
 * @param method the RPC
 * @param requests builds one request for a virtual user; throws {@link IllegalArgumentException}
 *     (or whatever a user's function throws) when it cannot
 * @param status the Milvus status inside a reply
 * @param rows the rows a successful reply reports (inserted, upserted, deleted, returned)
 * @param saveKey the session attribute {@code saved} is stored as after a success; or null
 * @param saved what a successful reply leaves in the session (e.g. the written keys); null with no key
 */
public record Operation<Req, Resp>(
    MethodDescriptor<Req, Resp> method, Function<Session, Req> requests, Function<Resp, Status> status,
    ToLongFunction<Resp> rows, String saveKey, Function<Resp, Object> saved) {

  /** An operation that leaves nothing in the session. */
  public Operation(MethodDescriptor<Req, Resp> method, Function<Session, Req> requests, Function<Resp, Status> status,
      ToLongFunction<Resp> rows) {
    this(method, requests, status, rows, null, null);
  }

  /** The session after a successful reply. */
  public Session afterSuccess(Session session, Resp response) {
    return saveKey == null ? session : session.set(saveKey, saved.apply(response));
  }
}
