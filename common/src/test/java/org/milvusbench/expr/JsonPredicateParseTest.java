package org.milvusbench.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milvusbench.expr.FilterExpr.And;
import org.milvusbench.expr.FilterExpr.Comparison;
import org.milvusbench.expr.FilterExpr.Contains;
import org.milvusbench.expr.FilterExpr.ContainsMode;
import org.milvusbench.expr.FilterExpr.Exists;
import org.milvusbench.expr.FilterExpr.Not;
import org.milvusbench.expr.Literal.IntLiteral;
import org.milvusbench.expr.Literal.StringLiteral;

/** {@code exists} and the {@code json_contains} family: the trees they build, and that neither word is reserved. */
class JsonPredicateParseTest {

  @Test
  void existsTakesAField() {
    assertEquals(new Exists(new FieldRef("meta", List.of("k"), 7)), FilterExpr.parse("exists meta[\"k\"]"));
    assertEquals(new Not(new Exists(new FieldRef("color", 11))), FilterExpr.parse("not EXISTS color"));
  }

  @Test
  void containsTakesAFieldAndOneValueOrAList() {
    assertEquals(new Contains(new FieldRef("meta", List.of("tags"), 14), List.of(new StringLiteral("x", 28)),
        ContainsMode.ONE), FilterExpr.parse("json_contains(meta[\"tags\"], \"x\")"));
    assertEquals(new And(List.of(
            new Contains(new FieldRef("t", 18), List.of(new IntLiteral(1, "1", 22), new IntLiteral(2, "2", 25)),
                ContainsMode.ALL),
            new Contains(new FieldRef("t", 51), List.of(), ContainsMode.ANY))),
        FilterExpr.parse("JSON_CONTAINS_ALL(t, [1, 2]) and json_contains_any(t, [])"));
  }

  @Test
  void theWordsStillNameFields() {
    assertEquals(new Comparison(new FieldRef("exists", 0), CompareOp.EQ, new IntLiteral(1, "1", 10)),
        FilterExpr.parse("exists == 1"));
    assertEquals(new Comparison(new FieldRef("json_contains", 0), CompareOp.GT, new IntLiteral(2, "2", 16)),
        FilterExpr.parse("json_contains > 2"));
  }

  @Test
  void malformedCallsNameTheProblem() {
    assertEquals("json_contains needs a field, not 'x' at position 14",
        assertThrows(FilterException.class, () -> FilterExpr.parse("json_contains('x', 'x')")).getMessage());
    assertEquals("expected '[' but found '1' at position 24",
        assertThrows(FilterException.class, () -> FilterExpr.parse("json_contains_any(tags, 1)")).getMessage());
    assertEquals("expected ')' but found ',' at position 21",
        assertThrows(FilterException.class, () -> FilterExpr.parse("json_contains(tags, 1, 2)")).getMessage());
  }
}
