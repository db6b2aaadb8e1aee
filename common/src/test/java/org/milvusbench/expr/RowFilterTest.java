package org.milvusbench.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Filters evaluated over five hand-written rows; each expected set was worked out by hand from the table. */
class RowFilterTest {
  private static final Map<String, ScalarType> FIELDS = Map.of("id", ScalarType.INT, "category", ScalarType.STRING,
      "price", ScalarType.FLOAT, "active", ScalarType.BOOL);

  private record Row(long id, String category, double price, boolean active) implements RowValues {
    @Override
    public Object value(String field) {
      return switch (field) {
        case "id" -> id;
        case "category" -> category;
        case "price" -> price;
        default -> active;
      };
    }
  }

  private static final List<Row> ROWS = List.of(
      new Row(1, "A", 0.5, true),
      new Row(2, "B", 1.5, false),
      new Row(3, "A", 2.5, false),
      new Row(1000, "C%", 10.0, true),
      new Row(-7, "Ab", -1.0, true));

  private static String matching(String filter) {
    RowFilter f = RowFilter.of(FilterExpr.parse(filter), FIELDS);
    return ROWS.stream().filter(f::test).map(r -> Long.toString(r.id())).collect(Collectors.joining(" "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "category == \"A\"                         | 1 3",
      "category != 'A'                           | 2 1000 -7",
      "category in [\"A\", \"B\"]                | 1 2 3",
      "category not in [\"A\", \"B\"]            | 1000 -7",
      "id < 1000                                 | 1 2 3 -7",
      "1000 <= id                                | 1000",
      "1 < id <= 3                               | 2 3",
      "id in []                                  | ''",
      "category == \"A\" and price > 1           | 3",
      "category == \"B\" or id == -7             | 2 -7",
      "not (category == \"A\" or active)         | 2",
      "!active && price >= 1.5                   | 2 3",
      "active                                    | 1 1000 -7",
      "active == false                           | 2 3",
      "price < 1                                 | 1 -7",
      "price == 10                               | 1000",
      "category like \"A%\"                      | 1 3 -7",
      "category like \"A_\"                      | -7",
      "category like \"C\\%\"                    | 1000",
      "category like \"%\"                       | 1 2 3 1000 -7",
      "category > \"A\"                          | 2 1000 -7",
      "true                                      | 1 2 3 1000 -7",
      "false or id == 2                          | 2"})
  void matchesTheRowsWorkedOutByHand(String filter, String expectedIds) {
    assertEquals(expectedIds, matching(filter), filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"weight > 3", "meta[\"a\"] == 1", "category == 1", "id == \"x\"", "id < 1.5",
      "price like \"a%\"", "id", "id == category", "1 == 1", "category in [\"A\", 2]"})
  void refusesWhatItCannotEvaluate(String filter) {
    FilterExpr e = FilterExpr.parse(filter);
    assertThrows(FilterException.class, () -> RowFilter.of(e, FIELDS), filter);
  }

  @org.junit.jupiter.api.Test
  void anUnknownFieldIsNamedWithTheKnownOnes() {
    String message = assertThrows(FilterException.class,
        () -> RowFilter.of(FilterExpr.parse("category == \"A\" or weight > 3"), Map.of("category", ScalarType.STRING)))
        .getMessage();
    assertTrue(message.contains("field weight is not one of category"), message);
  }
}
