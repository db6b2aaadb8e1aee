package org.milvusbench.gatling.internal;

import java.util.Locale;
import java.util.Objects;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.core.StartSchedule;

/**
 * What every data operation (insert, upsert, delete, query) is set up with, whatever it sends: the
 * part of its spec the shared builder setters and {@link OperationAction} read. Every {@code
 * with...} returns a copy with one setting changed.
 *
 * @param kind which operation, for messages and the RPC
 * @param requestName the name in Gatling's reports; not blank
 * @param collection the collection; null until set
 * @param observer told about every completed request
 * @param schedule when each request was meant to start
 * @param silent send, but log nothing to Gatling's statistics
 */
public record OperationSpec(
    Kind kind, String requestName, String collection, OperationObserver observer, StartSchedule schedule,
    boolean silent) {

  /** The Milvus data operations besides search. */
  public enum Kind {
    INSERT, UPSERT, DELETE, QUERY;

    /** As the DSL spells it: {@code insert}. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public OperationSpec {
    Objects.requireNonNull(kind, "kind");
    if (requestName == null || requestName.isBlank()) {
      throw new IllegalArgumentException(kind + ": request name is empty");
    }
  }

  /** A {@code kind} named {@code requestName}: no collection, no observer, measured from the send, logged. */
  public static OperationSpec named(Kind kind, String requestName) {
    return new OperationSpec(kind, requestName, null, OperationObserver.NONE, StartSchedule.AT_SEND, false);
  }

  public OperationSpec withCollection(String collection) {
    return new OperationSpec(kind, requestName, Objects.requireNonNull(collection, "collection"), observer, schedule,
        silent);
  }

  public OperationSpec withObserver(OperationObserver observer) {
    return new OperationSpec(kind, requestName, collection, Objects.requireNonNull(observer, "observer"), schedule,
        silent);
  }

  public OperationSpec withSchedule(StartSchedule schedule) {
    return new OperationSpec(kind, requestName, collection, observer, Objects.requireNonNull(schedule, "schedule"),
        silent);
  }

  public OperationSpec withSilent(boolean silent) {
    return new OperationSpec(kind, requestName, collection, observer, schedule, silent);
  }

  /** How messages name the action: {@code insert("load")}. */
  public String label() {
    return kind + "(\"" + requestName + "\")";
  }

  /**
   * This spec, if it names a collection.
   *
   * @throws IllegalStateException naming the action, when it does not
   */
  public OperationSpec requireCollection() {
    if (collection == null) {
      throw new IllegalStateException(label() + ": no collection (call .collection(name))");
    }
    return this;
  }
}
