package org.milvusbench.gatling.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Looks up the DSL's enums by name in any case, with one error message for all of them. */
final class EnumNames {
  private EnumNames() {}

  /**
   * The constant of {@code type} called {@code name}, in any case.
   *
   * @param what the setting, for the message (e.g. {@code metric})
   * @throws IllegalArgumentException naming the allowed values, for any other name (null included)
   */
  static <E extends Enum<E>> E of(Class<E> type, String what, String name) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(what + ": " + (name == null ? "null" : "\"" + name + "\"") + " is not one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + " (any case)");
  }
}
