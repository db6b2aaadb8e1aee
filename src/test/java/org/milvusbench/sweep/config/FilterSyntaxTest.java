package org.milvusbench.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterSyntaxTest {

  @ParameterizedTest
  @ValueSource(strings = {"category == \"B\"", "id in [1, 2, 3]", "category not in [\"A\", 'C']",
      "not (id > 10 and category != \"A\") or id <= 3", "meta[\"price\"] >= 1.5 && flag", "1 < id < 5",
      "name like \"ab%\"", "!(id == 1) || id == 2"})
  void acceptsMilvusExpressions(String expression) {
    assertNull(FilterSyntax.problem(expression));
  }

  @ParameterizedTest
  @ValueSource(strings = {"category = \"B\"", "category ==", "(id == 1", "category == \"B", "id in 1, 2", "and id == 1", ""})
  void rejectsBrokenExpressions(String expression) {
    assertNotNull(FilterSyntax.problem(expression));
  }

  @org.junit.jupiter.api.Test
  void explainsWhatIsWrong() {
    assertEquals("\"=\" at 9 is not an operator (equality is ==)", FilterSyntax.problem("category = \"B\""));
    assertEquals("expression ends too early", FilterSyntax.problem("(id == 1 or"));
    assertEquals("unexpected \"2\"", FilterSyntax.problem("id 2"));
  }
}
