package org.milvusbench.lucene.expr;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import org.milvusbench.expr.FilterException;
import org.milvusbench.expr.FilterExpr.ContainsMode;
import org.milvusbench.expr.Literal.BoolLiteral;
import org.milvusbench.expr.Literal.FloatLiteral;
import org.milvusbench.expr.Literal.IntLiteral;
import org.milvusbench.expr.Literal.StringLiteral;
import org.milvusbench.expr.Operand;

/**
 * A literal checked against an ARRAY field's element type and converted to its indexed form, as
 * Milvus's planner checks it (parser_utils.go: castValue for one value, canBeComparedDataType for the
 * lists of contains_any / contains_all): Bool elements take true / false, integer elements integers,
 * Float / Double elements any number, VarChar elements strings.
 */
record ArrayValues(FieldSchema field) {

  /** Milvus's "can't compare" check for a {@code contains} value ({@code ONE} casts, so a fraction on integers fails). */
  void containable(Operand v, ContainsMode mode) {
    DataType element = field.getElementType();
    boolean fits = switch (element) {
      case Bool -> v instanceof BoolLiteral;
      case VarChar, String -> v instanceof StringLiteral;
      case Float, Double -> v instanceof IntLiteral || v instanceof FloatLiteral;
      default -> v instanceof IntLiteral || (mode != ContainsMode.ONE && v instanceof FloatLiteral);
    };
    if (!fits) {
      String op = switch (mode) {
        case ONE -> "Contains";
        case ANY -> "ContainsAny";
        case ALL -> "ContainsAll";
      };
      throw new FilterException(op + " operation can't compare between array element type: " + element + " and "
          + typeOf(v) + " ('" + v.text() + "' in " + field.getName() + ")", v.position());
    }
  }

  long longValue(Operand v) {
    if (field.getElementType() == DataType.Bool) {
      if (v instanceof BoolLiteral b) {
        return b.value() ? 1 : 0;
      }
    } else if (v instanceof IntLiteral i) {
      return i.value();
    }
    throw mismatch(v);
  }

  double doubleValue(Operand v) {
    if (v instanceof IntLiteral i) {
      return i.value();
    }
    if (v instanceof FloatLiteral f) {
      return f.value();
    }
    throw mismatch(v);
  }

  String stringValue(Operand v) {
    if (v instanceof StringLiteral s) {
      return s.value();
    }
    throw mismatch(v);
  }

  private FilterException mismatch(Operand v) {
    return new FilterException("cannot cast value to " + field.getElementType() + ", value is '" + v.text()
        + "' (elements of array field " + field.getName() + ")", v.position());
  }

  /** The literal's type as Milvus's planner names it. */
  private static String typeOf(Operand v) {
    if (v instanceof IntLiteral) {
      return "Int64";
    }
    if (v instanceof FloatLiteral) {
      return "Double";
    }
    if (v instanceof BoolLiteral) {
      return "Bool";
    }
    return v instanceof StringLiteral ? "VarChar" : v.text();
  }
}
