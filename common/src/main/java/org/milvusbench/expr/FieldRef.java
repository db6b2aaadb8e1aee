package org.milvusbench.expr;

import java.util.List;

/**
 * A field, optionally followed by a JSON path: {@code category}, {@code meta["a"]["b"]}, {@code tags[0]}.
 *
 * @param name the field name as written (Milvus field names are case-sensitive)
 * @param path the bracketed keys in order, empty for a plain field; a quoted key is kept as its
 *     value, an array index as its decimal digits
 * @param position 0-based character offset of the name
 */
public record FieldRef(String name, List<String> path, int position) implements Operand {
  public FieldRef {
    path = List.copyOf(path);
  }

  /** A plain field without a path. */
  public FieldRef(String name, int position) {
    this(name, List.of(), position);
  }

  public boolean hasPath() {
    return !path.isEmpty();
  }

  @Override
  public String text() {
    StringBuilder sb = new StringBuilder(name);
    for (String key : path) {
      boolean index = !key.isEmpty() && key.chars().allMatch(Character::isDigit);
      sb.append(index ? "[" + key + "]" : "[\"" + key + "\"]");
    }
    return sb.toString();
  }
}
