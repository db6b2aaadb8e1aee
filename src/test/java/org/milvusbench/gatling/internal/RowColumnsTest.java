package org.milvusbench.gatling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's rows become Milvus columns typed by their Java values, or an error naming row and field. */
class RowColumnsTest {

  @Test
  void everyJavaTypeBecomesItsMilvusColumnInTheFirstRowsFieldOrder() {
    List<FieldData> columns = RowColumns.of(List.of(
        row("id", 1L, "n", 2, "s", (short) 3, "b", (byte) 4, "ok", true, "f", 0.5f, "d", 0.25, "c", "A",
            "v", new float[] {1, 2}, "w", List.of(3, 4.5)),
        row("id", 5L, "n", 6, "s", (short) 7, "b", (byte) 8, "ok", false, "f", 1.5f, "d", 1.25, "c", "B",
            "v", new float[] {5, 6}, "w", List.of(7, 8))));
    assertEquals(List.of("id", "n", "s", "b", "ok", "f", "d", "c", "v", "w"),
        columns.stream().map(FieldData::getFieldName).toList());
    assertEquals(List.of(DataType.Int64, DataType.Int32, DataType.Int16, DataType.Int8, DataType.Bool, DataType.Float,
        DataType.Double, DataType.VarChar, DataType.FloatVector, DataType.FloatVector),
        columns.stream().map(FieldData::getType).toList());
    assertEquals(List.of(1L, 5L), columns.get(0).getScalars().getLongData().getDataList());
    assertEquals(List.of(2, 6), columns.get(1).getScalars().getIntData().getDataList());
    assertEquals(List.of(3, 7), columns.get(2).getScalars().getIntData().getDataList());
    assertEquals(List.of(4, 8), columns.get(3).getScalars().getIntData().getDataList());
    assertEquals(List.of(true, false), columns.get(4).getScalars().getBoolData().getDataList());
    assertEquals(List.of(0.5f, 1.5f), columns.get(5).getScalars().getFloatData().getDataList());
    assertEquals(List.of(0.25, 1.25), columns.get(6).getScalars().getDoubleData().getDataList());
    assertEquals(List.of("A", "B"), columns.get(7).getScalars().getStringData().getDataList());
    assertEquals(2, columns.get(8).getVectors().getDim());
    assertEquals(List.of(1f, 2f, 5f, 6f), columns.get(8).getVectors().getFloatVector().getDataList());
    assertEquals(List.of(3f, 4.5f, 7f, 8f), columns.get(9).getVectors().getFloatVector().getDataList());
  }

  @Test
  void rowsThatDoNotFitAreRefusedNamingRowAndField() {
    assertRefused("no rows", List.of());
    assertRefused("row 1 has fields [id], row 0 has [id, c]", List.of(row("id", 1L, "c", "A"), row("id", 2L)));
    assertRefused("row 1, field \"id\": Integer, expected Long as in row 0", List.of(row("id", 1L), row("id", 2)));
    assertRefused("row 0, field \"t\": Object is not one of Long, Integer, Short, Byte, Boolean, Float, Double,"
        + " String, float[] or a list of numbers", List.of(row("t", new Object())));
    assertRefused("row 1, field \"v\": String, expected float[] or a list of numbers as in row 0",
        List.of(row("v", new float[] {1}), row("v", "x")));
    assertRefused("row 0, field \"v\": component 1 is String, expected a number", List.of(row("v", List.of(1, "x"))));
    List<Map<String, Object>> withNull = new ArrayList<>(List.of(row("c", "A")));
    Map<String, Object> nullValue = new LinkedHashMap<>();
    nullValue.put("c", null);
    withNull.add(nullValue);
    assertRefused("row 1, field \"c\": null, expected String as in row 0", withNull);
  }

  private static void assertRefused(String message, List<Map<String, Object>> rows) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> RowColumns.of(rows)).getMessage());
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }
}
