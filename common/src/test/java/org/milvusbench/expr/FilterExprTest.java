package org.milvusbench.expr;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.milvusbench.expr.FilterExpr.And;
import org.milvusbench.expr.FilterExpr.Comparison;
import org.milvusbench.expr.FilterExpr.In;
import org.milvusbench.expr.FilterExpr.IsTrue;
import org.milvusbench.expr.FilterExpr.Like;
import org.milvusbench.expr.FilterExpr.Not;
import org.milvusbench.expr.FilterExpr.Or;
import org.milvusbench.expr.Literal.BoolLiteral;
import org.milvusbench.expr.Literal.FloatLiteral;
import org.milvusbench.expr.Literal.IntLiteral;
import org.milvusbench.expr.Literal.StringLiteral;

/** The grammar both the sweep's pre-check and the embedded server parse with: what it accepts, builds and refuses. */
class FilterExprTest {

  private static String problem(String expression) {
    return assertThrows(FilterException.class, () -> FilterExpr.parse(expression), expression).getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"category == \"B\"", "id in [1, 2, 3]", "category not in [\"A\", 'C']",
      "not (id > 10 and category != \"A\") or id <= 3", "meta[\"price\"] >= 1.5 && flag", "1 < id < 5",
      "name like \"ab%\"", "!(id == 1) || id == 2", "id in []", "tags[0] == 'x'", "true", "x > -1.5e-3",
      "$meta[\"k\"] == 1", "NOT id IN [1] AND name LIKE 'a_' OR Flag"})
  void acceptsMilvusExpressions(String expression) {
    assertDoesNotThrow(() -> FilterExpr.parse(expression));
  }

  @ParameterizedTest
  @ValueSource(strings = {"category = \"B\"", "category ==", "(id == 1", "category == \"B", "id in 1, 2",
      "and id == 1", "", "   ", "id == 1 2", "5", "'B'", "id like 5", "1 like 'a'", "id not == 1", "1 < id > 5",
      "meta[x] == 1", "id == 1.2.3", "id == 12ab", "id - 1 == 0", "id in [1,]"})
  void rejectsBrokenExpressions(String expression) {
    assertThrows(FilterException.class, () -> FilterExpr.parse(expression));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "category = \"B\"       | unexpected character '=' at position 9",
      "(id == 1 or            | expected a field name but found '<end>' at position 11",
      "id 2                   | unexpected '2' at position 3",
      "category == \"B\" and  | expected a field name but found '<end>' at position 19",
      "(year == 1990          | expected ')' but found '<end>' at position 13",
      "category == \"B        | unterminated string literal at position 12",
      "category ==            | expected a value but found '<end>' at position 11",
      "id in 1, 2             | expected '[' but found '1' at position 6",
      "and id == 1            | expected a field name but found 'and' at position 0",
      "``                     | empty expression at position 0",
      "5                      | expected a comparison operator but found '<end>' at position 1",
      "id like 5              | expected a quoted like pattern but found '5' at position 8",
      "'a' in ['a']           | expected a field before 'in' but found 'a' at position 0",
      "id not == 1            | expected 'in' after 'not' at position 7",
      "id == 1.2.3            | malformed number: 1.2.3 at position 6",
      "id == 99999999999999999999 | integer out of range: 99999999999999999999 at position 6",
      "meta[x] == 1           | expected a JSON key (a quoted string or an index) but found 'x' at position 5",
      "id - 1 == 0            | unexpected character '-' at position 3",
      "1 < id > 5             | a range needs two comparisons in the same direction (e.g. 1 < x < 5), not '<' then '>' at position 7"})
  void explainsWhatIsWrongAndWhere(String expression, String message) {
    assertEquals(message, problem(expression));
  }

  @Test
  void exceptionCarriesProblemAndPosition() {
    FilterException e = assertThrows(FilterException.class, () -> FilterExpr.parse("category = \"B\""));
    assertEquals("unexpected character '='", e.problem());
    assertEquals(9, e.position());
  }

  @Test
  void buildsTheTree() {
    FieldRef category = new FieldRef("category", 0);
    assertEquals(new Comparison(category, CompareOp.EQ, new StringLiteral("B", 12)), FilterExpr.parse("category == \"B\""));
    assertEquals(new Or(List.of(
            new And(List.of(
                new Not(new Comparison(new FieldRef("a", 4), CompareOp.LT, new IntLiteral(1, "1", 8))),
                new IsTrue(new FieldRef("b", 13)))),
            new In(new FieldRef("c", 18), List.of(new IntLiteral(-2, "-2", 28), new FloatLiteral(0.5, ".5", 32)), true))),
        FilterExpr.parse("not a < 1 && b or c not in [-2, .5]"));
    assertEquals(new And(List.of(
            new Comparison(new IntLiteral(1, "1", 0), CompareOp.LT, new FieldRef("id", 4)),
            new Comparison(new FieldRef("id", 4), CompareOp.LE, new IntLiteral(5, "5", 10)))),
        FilterExpr.parse("1 < id <= 5"));
    assertEquals(new Like(new FieldRef("name", 0), new StringLiteral("ab%", 10)), FilterExpr.parse("name LIKE 'ab%'"));
    assertEquals(new IsTrue(new BoolLiteral(true, "TRUE", 0)), FilterExpr.parse("TRUE"));
  }

  @Test
  void fieldsCarryTheirJsonPath() {
    Comparison c = (Comparison) FilterExpr.parse("meta[\"a\"]['b'][0] >= 1e3");
    FieldRef meta = (FieldRef) c.left();
    assertEquals(List.of("a", "b", "0"), meta.path());
    assertEquals("meta[\"a\"][\"b\"][0]", meta.text());
    assertEquals(new FloatLiteral(1000, "1e3", 21), c.right());
  }

  @Test
  void keywordsIgnoreCaseAndHaveSymbolForms() {
    // The two spellings differ in length, so their trees are compared without positions.
    assertEquals(FilterExpr.parse("not a == 1 and b == 2 or c == 3").toString().replaceAll("position=\\d+", ""),
        FilterExpr.parse("!a == 1 && b == 2 || c == 3").toString().replaceAll("position=\\d+", ""));
    assertEquals(FilterExpr.parse("NoT a In [1]"), FilterExpr.parse("not a in [1]"));
  }

  @Test
  void stringsTakeBothQuotesAndEscapes() {
    assertEquals("it's \"x\"\n\\", value("s == 'it\\'s \"x\"\\n\\\\'"));
    assertEquals("say \"hi\"", value("s == \"say \\\"hi\\\"\""));
    // Unknown escapes keep their backslash, so like patterns see \% and \_ as written.
    assertEquals("50\\%", value("s == '50\\%'"));
  }

  private static String value(String expression) {
    return ((StringLiteral) ((Comparison) FilterExpr.parse(expression)).right()).value();
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "(".repeat(FilterParser.MAX_DEPTH + 1) + "a" + ")".repeat(FilterParser.MAX_DEPTH + 1);
    assertEquals("expression nests deeper than 200 levels at position 200", problem(deep));
    String ok = "(".repeat(FilterParser.MAX_DEPTH - 1) + "a" + ")".repeat(FilterParser.MAX_DEPTH - 1);
    assertEquals(new IsTrue(new FieldRef("a", FilterParser.MAX_DEPTH - 1)), FilterExpr.parse(ok));
  }
}
