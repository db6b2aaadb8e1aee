package org.milvusbench.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One canonical spelling per filter: what ground truth for a filter is stored under. */
class FilterTextTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "category=='A'                          | category == \"A\"",
      "CATEGORY IN ['B','A','B']              | CATEGORY in [\"A\", \"B\"]",
      "5 > id                                 | id < 5",
      "+5 <= id                               | id >= 5",
      "(a == 1 or b == 2) or c == 3           | a == 1 or b == 2 or c == 3",
      "a == 1 AND (b == 2 && c == 3)          | a == 1 and b == 2 and c == 3",
      "(a == 1 or b == 2) and c == 3          | (a == 1 or b == 2) and c == 3",
      "!(a == 1 and b == 2)                   | not (a == 1 and b == 2)",
      "NOT flag                               | not flag",
      "1 < id < 5                             | id > 1 and id < 5",
      "x >= 1e3                               | x >= 1000.0",
      "name LIKE 'a\\%_'                      | name like \"a\\\\%_\"",
      "s == 'say \"hi\"'                      | s == \"say \\\"hi\\\"\"",
      "id not in []                           | id not in []",
      "TRUE                                   | true"})
  void writesOneSpelling(String filter, String canonical) {
    assertEquals(canonical, FilterText.canonical(FilterExpr.parse(filter)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"category == \"A\" or (id < 10 and not active)", "name like 'a\\%b'", "meta[\"k\"][0] != 2.5",
      "not (a or b) and c in [1, 2]", "s == 'tab\\tquote\\'back\\\\'"})
  void parsesBackToItself(String filter) {
    String once = FilterText.canonical(FilterExpr.parse(filter));
    assertEquals(once, FilterText.canonical(FilterExpr.parse(once)));
  }
}
