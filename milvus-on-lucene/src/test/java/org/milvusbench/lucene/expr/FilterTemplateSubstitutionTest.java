package org.milvusbench.lucene.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.milvus.grpc.BoolArray;
import io.milvus.grpc.DoubleArray;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.TemplateArrayValue;
import io.milvus.grpc.TemplateArrayValueArray;
import io.milvus.grpc.TemplateValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milvusbench.expr.FilterExpr;
import org.milvusbench.expr.Literal.StringLiteral;
import org.milvusbench.lucene.error.MilvusException;

/** The text each template value becomes, exactly, and that the shared grammar reads it back unchanged. */
class FilterTemplateSubstitutionTest {
  private static TemplateValue i(long v) {
    return TemplateValue.newBuilder().setInt64Val(v).build();
  }

  private static TemplateValue d(double v) {
    return TemplateValue.newBuilder().setFloatVal(v).build();
  }

  private static TemplateValue s(String v) {
    return TemplateValue.newBuilder().setStringVal(v).build();
  }

  private static TemplateValue list(TemplateArrayValue.Builder a) {
    return TemplateValue.newBuilder().setArrayVal(a).build();
  }

  @Test
  void eachKindBecomesOneLiteral() {
    assertEquals("id < 10", FilterTemplate.substitute("id < {max}", Map.of("max", i(10))));
    assertEquals("id > -5 and x <= 2.5", FilterTemplate.substitute("id > {a} and x <= { b }", Map.of("a", i(-5), "b", d(2.5))));
    assertEquals("x == 1.0E-7", FilterTemplate.substitute("x == {t}", Map.of("t", d(1e-7))));
    assertEquals("ok == true", FilterTemplate.substitute("ok == {b}", Map.of("b", TemplateValue.newBuilder().setBoolVal(true).build())));
    assertEquals("c in [\"a\", \"b\"]", FilterTemplate.substitute("c in {cs}",
        Map.of("cs", list(TemplateArrayValue.newBuilder().setStringData(StringArray.newBuilder().addData("a").addData("b"))))));
    assertEquals("id not in [1, 2]", FilterTemplate.substitute("id not in {ids}",
        Map.of("ids", list(TemplateArrayValue.newBuilder().setLongData(LongArray.newBuilder().addData(1).addData(2))))));
    assertEquals("x in [0.5]", FilterTemplate.substitute("x in {v}",
        Map.of("v", list(TemplateArrayValue.newBuilder().setDoubleData(DoubleArray.newBuilder().addData(0.5))))));
    assertEquals("f in [true, false]", FilterTemplate.substitute("f in {v}",
        Map.of("v", list(TemplateArrayValue.newBuilder().setBoolData(BoolArray.newBuilder().addData(true).addData(false))))));
    assertEquals("id in []", FilterTemplate.substitute("id in {none}", Map.of("none", list(TemplateArrayValue.newBuilder()))));
  }

  @Test
  void stringsRoundTripThroughTheGrammar() {
    for (String value : new String[] {"plain", "quote\"inside", "back\\slash", "\\\"both\\", "it's", "new\nline", "{x}", "50\\%"}) {
      String text = FilterTemplate.substitute("c == {v}", Map.of("v", s(value)));
      FilterExpr.Comparison c = (FilterExpr.Comparison) FilterExpr.parse(text);
      assertEquals(value, ((StringLiteral) c.right()).value(), text);
    }
  }

  @Test
  void bracesInsideLiteralsAndNonPlaceholdersAreLeftAlone() {
    assertEquals("c == \"{v}\" and d == '{w}'", FilterTemplate.substitute("c == \"{v}\" and d == '{w}'", Map.of()));
    assertEquals("c == \"a\\\"{v}\"", FilterTemplate.substitute("c == \"a\\\"{v}\"", Map.of()), "an escaped quote does not end the literal");
    assertEquals("x == {1a}", FilterTemplate.substitute("x == {1a}", Map.of()), "not a name: left for the parser to refuse");
    assertEquals("x == {", FilterTemplate.substitute("x == {", Map.of()));
  }

  @Test
  void refusalsAreMilvusErrors() {
    assertRefused(MilvusException.PARAMETER_INVALID,
        "failed to create query plan: the value of expression template variable name {max} is not found: invalid parameter",
        () -> FilterTemplate.substitute("id < {max}", Map.of()));
    assertRefused(MilvusException.PARAMETER_INVALID, "the value of term expression template variable {v} is not array",
        () -> FilterTemplate.substitute("id IN {v}", Map.of("v", i(3))));
    assertRefused(MilvusException.PARAMETER_INVALID, "like takes a string literal, not the template variable {p}",
        () -> FilterTemplate.substitute("c like {p}", Map.of("p", s("a%"))));
    assertRefused(MilvusException.PARAMETER_INVALID, "is NaN, not a finite number",
        () -> FilterTemplate.substitute("x < {v}", Map.of("v", d(Double.NaN))));
    assertRefused(MilvusException.OPERATION_NOT_SUPPORTED, "holds ARRAY_DATA, for ARRAY or JSON fields",
        () -> FilterTemplate.substitute("x in {v}", Map.of("v", list(TemplateArrayValue.newBuilder()
            .setArrayData(TemplateArrayValueArray.newBuilder().addData(TemplateArrayValue.getDefaultInstance()))))));
  }

  private static void assertRefused(int code, String reason, org.junit.jupiter.api.function.Executable call) {
    MilvusException e = assertThrows(MilvusException.class, call);
    assertEquals(code, e.code());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
