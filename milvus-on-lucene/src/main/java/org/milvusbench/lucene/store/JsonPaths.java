package org.milvusbench.lucene.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.milvusbench.lucene.error.MilvusException;

/**
 * How JSON values are made filterable: flattened at write time into one Lucene field per (path, kind),
 * so that {@code meta["a"]["b"] > 3} is a plain point range query on field {@code meta["a","b"]#n}
 * and costs what a scalar filter costs. The alternative, parsing every candidate row's JSON at query
 * time, would be a full scan per filter. Kinds: {@code s} strings (keyword), {@code n} numbers (all as
 * double, as Milvus compares an int literal with a JSON double), {@code b} booleans; an array's scalar
 * elements are also indexed at the array's own path under {@code es/en/eb} for {@code json_contains};
 * every path present (null values included) is a term of {@link #existsField} for {@code exists}. An
 * array element {@code i} sits at path segment {@code "i"}, as a JSON pointer addresses it.
 */
public final class JsonPaths {
  /** Lucene's limit on one indexed term: a longer JSON string could not be found, so it is refused. */
  private static final int MAX_TERM_BYTES = 32766;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Value kinds a path is indexed under. */
  public enum Kind {
    STRING("s"), NUMBER("n"), BOOL("b"), ELEMENT_STRING("es"), ELEMENT_NUMBER("en"), ELEMENT_BOOL("eb");

    private final String suffix;

    Kind(String suffix) {
      this.suffix = suffix;
    }

    Kind element() {
      return this == STRING ? ELEMENT_STRING : this == NUMBER ? ELEMENT_NUMBER : ELEMENT_BOOL;
    }
  }

  private JsonPaths() {}

  /** The Lucene field holding values of {@code kind} at {@code path} of JSON field {@code field}. */
  public static String field(String field, List<String> path, Kind kind) {
    return "\u0001" + field + pathTerm(path) + "#" + kind.suffix;
  }

  /** The keyword field whose terms ({@link #pathTerm}) are the paths present in a row. */
  public static String existsField(String field) {
    return "\u0001" + field + "#exists";
  }

  /** A path as text, unambiguous whatever its keys contain: a JSON array of them. */
  public static String pathTerm(List<String> path) {
    try {
      return JSON.writeValueAsString(path);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fields for every path of {@code value}. */
  static List<IndexableField> fields(String field, JsonNode value) {
    List<IndexableField> out = new ArrayList<>();
    walk(field, new ArrayList<>(), value, out);
    return out;
  }

  private static void walk(String field, List<String> path, JsonNode node, List<IndexableField> out) {
    if (!path.isEmpty()) {
      out.add(new StringField(existsField(field), pathTerm(path), Field.Store.NO));
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        path.add(e.getKey());
        walk(field, path, e.getValue(), out);
        path.remove(path.size() - 1);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        Kind kind = kindOf(element);
        if (kind != null) {
          out.add(scalar(field(field, path, kind.element()), element));
        }
        path.add(Integer.toString(i));
        walk(field, path, element, out);
        path.remove(path.size() - 1);
      }
    } else {
      Kind kind = kindOf(node);
      if (kind != null && !path.isEmpty()) {
        out.add(scalar(field(field, path, kind), node));
      }
    }
  }

  private static Kind kindOf(JsonNode node) {
    if (node.isTextual()) {
      return Kind.STRING;
    }
    if (node.isNumber()) {
      return Kind.NUMBER;
    }
    return node.isBoolean() ? Kind.BOOL : null;
  }

  private static IndexableField scalar(String name, JsonNode node) {
    if (node.isNumber()) {
      return new DoubleField(name, node.doubleValue(), Field.Store.NO);
    }
    String text = node.isBoolean() ? Boolean.toString(node.booleanValue()) : node.textValue();
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TERM_BYTES) {
      throw MilvusException.unsupported("a JSON string longer than " + MAX_TERM_BYTES
          + " bytes: this server indexes every JSON string for filters");
    }
    return new KeywordField(name, text, Field.Store.NO);
  }
}
