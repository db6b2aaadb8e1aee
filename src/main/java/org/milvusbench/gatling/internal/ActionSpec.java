package org.milvusbench.gatling.internal;

import java.util.Locale;
import java.util.Objects;
import org.milvusbench.gatling.core.StartSchedule;

/**
 * What every action (search, insert, upsert, delete, query) is set up with, whatever it sends: the
 * part of its spec the shared builder setters and {@link UnaryAction} read. Every {@code with...}
 * returns a copy with one setting changed.
 *
 * @param kind which action, for messages
 * @param requestName the name in Gatling's reports; not blank
 * @param collection the collection; null until set
 * @param observer told about every completed request
 * @param schedule when each request was meant to start
 * @param silent send, but log nothing to Gatling's statistics
 * @param <O> the observer type: {@code SearchObserver} or {@code OperationObserver}
 */
public record ActionSpec<O>(
    Kind kind, String requestName, String collection, O observer, StartSchedule schedule, boolean silent) {

  /** The Milvus actions. */
  public enum Kind {
    SEARCH, INSERT, UPSERT, DELETE, QUERY;

    /** As the DSL spells it: {@code insert}. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A spec that wraps an {@link ActionSpec}: what the shared builder setters change. */
  public interface Holder<S, O> {
    ActionSpec<O> base();

    S withBase(ActionSpec<O> base);
  }

  public ActionSpec {
    Objects.requireNonNull(kind, "kind");
    if (requestName == null || requestName.isBlank()) {
      throw new IllegalArgumentException(kind + ": request name is empty");
    }
  }

  /** A {@code kind} named {@code requestName}: no collection, {@code noObserver}, measured from the send, logged. */
  public static <O> ActionSpec<O> named(Kind kind, String requestName, O noObserver) {
    return new ActionSpec<>(kind, requestName, null, noObserver, StartSchedule.AT_SEND, false);
  }

  public ActionSpec<O> withCollection(String collection) {
    return new ActionSpec<>(kind, requestName, Objects.requireNonNull(collection, "collection"), observer, schedule,
        silent);
  }

  public ActionSpec<O> withObserver(O observer) {
    return new ActionSpec<>(kind, requestName, collection, Objects.requireNonNull(observer, "observer"), schedule,
        silent);
  }

  public ActionSpec<O> withSchedule(StartSchedule schedule) {
    return new ActionSpec<>(kind, requestName, collection, observer, Objects.requireNonNull(schedule, "schedule"),
        silent);
  }

  public ActionSpec<O> withSilent(boolean silent) {
    return new ActionSpec<>(kind, requestName, collection, observer, schedule, silent);
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
  public ActionSpec<O> requireCollection() {
    if (collection == null) {
      throw new IllegalStateException(label() + ": no collection (call .collection(name))");
    }
    return this;
  }
}
