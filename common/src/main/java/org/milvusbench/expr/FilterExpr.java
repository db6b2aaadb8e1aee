package org.milvusbench.expr;

import java.util.List;
import org.milvusbench.expr.Literal.StringLiteral;

/**
 * A parsed Milvus boolean expression (search filter, query and delete expression), immutable and
 * schema-free: whether a field exists and takes the literal it is compared with is for a compiler
 * that knows the schema to decide (the embedded server's {@code FilterCompiler}). The grammar:
 * <pre>
 * or        := and (("or" | "||") and)*
 * and       := unary (("and" | "&amp;&amp;") unary)*
 * unary     := ("not" | "!") unary | "(" or ")" | "exists" field | contains | predicate
 * contains  := (("json_contains" | "array_contains") "(" field "," operand
 *              | ("json_contains_any" | "json_contains_all" | "array_contains_any" | "array_contains_all")
 *              "(" field "," list) ")"
 * predicate := operand cmp operand [cmp operand]       a range when two: 1 &lt; x &lt;= 5
 *            | field ["not"] "in" "[" [operand ("," operand)*] "]"
 *            | field "like" string
 *            | operand                                 a condition alone: is_active, true
 * cmp       := "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * operand   := field | literal | "array_length" "(" field ")"
 * field     := identifier ("[" (string | integer) "]")*     a JSON path meta["a"]["b"], an array element tags[0]
 * literal   := integer | float | string | "true" | "false"
 * </pre>
 * Keywords ({@code and or not in like true false}) are case-insensitive, as in Milvus; strings take
 * either quote kind and backslash escapes.
 */
public sealed interface FilterExpr {

  /**
   * Parses {@code text}.
   *
   * @throws FilterException naming the first problem and its position, {@code "unexpected '=' at position 9"}
   */
  static FilterExpr parse(String text) {
    return FilterParser.parse(text);
  }

  /** Any of two or more conditions. */
  record Or(List<FilterExpr> operands) implements FilterExpr {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** All of two or more conditions (a range {@code 1 < x < 5} parses as two comparisons). */
  record And(List<FilterExpr> operands) implements FilterExpr {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** The negation of a condition. */
  record Not(FilterExpr operand) implements FilterExpr {}

  /** {@code left op right}; either side may be the field ({@code x < 5}, {@code 5 > x}). */
  record Comparison(Operand left, CompareOp op, Operand right) implements FilterExpr {}

  /** {@code field [not] in [v1, v2, ...]}; the list may be empty. */
  record In(FieldRef field, List<Operand> values, boolean negated) implements FilterExpr {
    public In {
      values = List.copyOf(values);
    }
  }

  /** {@code field like "pattern"}: {@code %} any sequence, {@code _} one character, backslash escapes either. */
  record Like(FieldRef field, StringLiteral pattern) implements FilterExpr {}

  /** {@code exists meta["k"]}: the JSON path is present in the row. */
  record Exists(FieldRef field) implements FilterExpr {}

  /** How many of {@link Contains#values()} a JSON array must hold. */
  enum ContainsMode { ONE, ANY, ALL }

  /**
   * {@code json_contains(meta["tags"], "x")} ({@link ContainsMode#ONE}, one value), or
   * {@code json_contains_any} / {@code json_contains_all} with a list: the JSON array at the path
   * holds the value, any of the values, or all of them. {@code array_contains*} parse to the same
   * (one grammar rule in Milvus), for an ARRAY field or a JSON path alike.
   */
  record Contains(FieldRef field, List<Operand> values, ContainsMode mode) implements FilterExpr {
    public Contains {
      values = List.copyOf(values);
    }
  }

  /** A field or literal standing alone as a condition: {@code is_active}, {@code true}. */
  record IsTrue(Operand operand) implements FilterExpr {}
}
