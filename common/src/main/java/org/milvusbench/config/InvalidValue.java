package org.milvusbench.config;

import java.util.List;

/**
 * What is wrong with one configuration value, as complaints without the key's name ({@code "0" is
 * not a positive integer (e.g. 1,5,10)}): the reader prefixes the name the user typed, a {@code -D}
 * key, a file and key, or a command-line flag.
 */
public final class InvalidValue extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> complaints;

  public InvalidValue(String complaint) {
    this(List.of(complaint));
  }

  /** @param complaints one or more, e.g. one per bad element of a list */
  public InvalidValue(List<String> complaints) {
    super(String.join("; ", complaints));
    if (complaints.isEmpty()) {
      throw new IllegalArgumentException("an invalid value needs a complaint");
    }
    this.complaints = List.copyOf(complaints);
  }

  public List<String> complaints() {
    return complaints;
  }
}
