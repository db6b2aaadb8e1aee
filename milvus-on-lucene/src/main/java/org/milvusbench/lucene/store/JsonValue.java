package org.milvusbench.lucene.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.milvusbench.lucene.error.MilvusException;

/**
 * One row's value of a JSON field (or of the dynamic field {@code $meta}): the bytes exactly as the
 * client sent them, which are what Milvus returns, and their parsed tree for indexing paths.
 */
public record JsonValue(byte[] bytes, JsonNode node) {
  /** Milvus's default {@code common.jsonMaxLength}: a larger JSON value is refused at insert. */
  static final int MAX_BYTES = 65536;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parses and checks one inserted value, in Milvus's words where it has them.
   *
   * @param dynamic the dynamic field, whose value must be an object (its keys are the row's extra fields)
   */
  static JsonValue of(byte[] bytes, String field, int row, boolean dynamic) {
    if (bytes.length > MAX_BYTES) {
      throw MilvusException.invalid("json field " + field + " of row " + row + " is " + bytes.length
          + " bytes, exceeds max length " + MAX_BYTES);
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw MilvusException.invalid("invalid JSON in field " + field + " of row " + row + ": "
          + new String(bytes, StandardCharsets.UTF_8));
    }
    if (node == null || node.isMissingNode()) {
      throw MilvusException.invalid("invalid JSON in field " + field + " of row " + row + ": empty value");
    }
    if (dynamic && !node.isObject()) {
      throw MilvusException.invalid("the value of the dynamic field of row " + row + " must be a JSON object, not "
          + new String(bytes, StandardCharsets.UTF_8));
    }
    return new JsonValue(bytes, node);
  }

  /** A value read back from the index, written by {@link #of} so known to parse. */
  static JsonValue stored(byte[] bytes) {
    try {
      return new JsonValue(bytes, JSON.readTree(bytes));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }

  /** The object's entries whose keys are in {@code keys}, as JSON bytes (the dynamic field narrowed to the output fields asked for). */
  public byte[] only(java.util.Set<String> keys) {
    com.fasterxml.jackson.databind.node.ObjectNode out = JSON.createObjectNode();
    node.fields().forEachRemaining(e -> {
      if (keys.contains(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    });
    try {
      return JSON.writeValueAsBytes(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
