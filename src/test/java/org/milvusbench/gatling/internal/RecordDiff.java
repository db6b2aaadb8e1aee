package org.milvusbench.gatling.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What differs between two values of a record: how the spec tests check that a wither changed only its own part. */
final class RecordDiff {
  private RecordDiff() {}

  /** Names of the components that differ between {@code a} and {@code b}, in declaration order. */
  static <R extends Record> List<String> changed(R a, R b) {
    List<String> names = new ArrayList<>();
    for (RecordComponent component : a.getClass().getRecordComponents()) {
      try {
        if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
          names.add(component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return names;
  }
}
