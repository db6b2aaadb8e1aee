package org.milvusbench.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milvusbench.expr.FilterExpr.Comparison;
import org.milvusbench.expr.FilterExpr.Contains;
import org.milvusbench.expr.FilterExpr.ContainsMode;
import org.milvusbench.expr.Literal.IntLiteral;
import org.milvusbench.expr.Literal.StringLiteral;

/** {@code array_contains*} (Milvus's synonyms of {@code json_contains*}) and the {@code array_length} operand. */
class ArrayPredicateParseTest {

  @Test
  void arrayContainsParsesAsContains() {
    assertEquals(new Contains(new FieldRef("tags", 15), List.of(new StringLiteral("x", 21)), ContainsMode.ONE),
        FilterExpr.parse("array_contains(tags, \"x\")"));
    assertEquals(new Contains(new FieldRef("t", 19), List.of(new IntLiteral(1, "1", 23)), ContainsMode.ALL),
        FilterExpr.parse("ARRAY_CONTAINS_ALL(t, [1])"));
    assertEquals(new Contains(new FieldRef("t", 19), List.of(), ContainsMode.ANY),
        FilterExpr.parse("array_contains_any(t, [])"));
  }

  @Test
  void arrayLengthIsAnOperandOfAComparison() {
    assertEquals(new Comparison(new ArrayLength(new FieldRef("tags", 13), 0), CompareOp.GE,
        new IntLiteral(2, "2", 22)), FilterExpr.parse("array_length(tags) >= 2"));
    assertEquals(new Comparison(new IntLiteral(3, "3", 0), CompareOp.EQ,
        new ArrayLength(new FieldRef("t", 18), 5)), FilterExpr.parse("3 == ARRAY_LENGTH(t)"));
    assertEquals("array_length(t) < 3", FilterText.canonical(FilterExpr.parse("array_length( t ) < 3")));
  }

  @Test
  void elementAccessIsAFieldWithAnIndex() {
    assertEquals(new Comparison(new FieldRef("tags", List.of("0"), 0), CompareOp.EQ, new IntLiteral(7, "7", 11)),
        FilterExpr.parse("tags[0] == 7"));
  }

  @Test
  void theWordStillNamesAField() {
    assertEquals(new Comparison(new FieldRef("array_length", 0), CompareOp.GT, new IntLiteral(2, "2", 15)),
        FilterExpr.parse("array_length > 2"));
  }

  @Test
  void malformedCallsNameTheProblem() {
    assertEquals("array_length needs a field, not '1' at position 13",
        assertThrows(FilterException.class, () -> FilterExpr.parse("array_length(1) > 2")).getMessage());
    assertEquals("expected ')' but found ',' at position 14",
        assertThrows(FilterException.class, () -> FilterExpr.parse("array_length(t, 2) > 2")).getMessage());
  }
}
