package org.milvusbench.lucene.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.KeyValuePair;
import java.io.IOException;
import java.util.Random;
import java.util.function.LongPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.milvusbench.lucene.store.SchemaView;

/** Each operator against a straightforward evaluation of the same predicate over 1,000 seeded rows. */
class FilterParserTest {
  static final SchemaView SCHEMA = new SchemaView(CollectionSchema.newBuilder()
      .addFields(FieldSchema.newBuilder().setName("id").setDataType(DataType.Int64).setIsPrimaryKey(true))
      .addFields(FieldSchema.newBuilder().setName("v").setDataType(DataType.FloatVector)
          .addTypeParams(KeyValuePair.newBuilder().setKey("dim").setValue("4")))
      .addFields(FieldSchema.newBuilder().setName("category").setDataType(DataType.VarChar))
      .addFields(FieldSchema.newBuilder().setName("year").setDataType(DataType.Int64))
      .build());
  static final int ROWS = 1_000;
  static long[] years = new long[ROWS];
  static String[] categories = new String[ROWS];
  static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    Random rnd = new Random(5);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int id = 0; id < ROWS; id++) {
        years[id] = 1990 + rnd.nextInt(30);
        categories[id] = String.valueOf((char) ('A' + rnd.nextInt(4)));
        Document d = new Document();
        d.add(new LongField("id", id, Field.Store.NO));
        d.add(new LongField("year", years[id], Field.Store.NO));
        d.add(new KeywordField("category", categories[id], Field.Store.NO));
        w.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  private static void check(String expr, LongPredicate expected) throws IOException {
    long want = java.util.stream.LongStream.range(0, ROWS).filter(expected).count();
    assertEquals(want, new IndexSearcher(reader).count(FilterParser.parse(SCHEMA, expr)), expr);
  }

  @Test
  void operatorsMatchADirectEvaluation() throws IOException {
    check("category == \"B\"", id -> categories[(int) id].equals("B"));
    check("category != 'B'", id -> !categories[(int) id].equals("B"));
    check("category in [\"A\", \"C\"]", id -> categories[(int) id].equals("A") || categories[(int) id].equals("C"));
    check("category not in [\"A\"]", id -> !categories[(int) id].equals("A"));
    check("id in [1, 5, 999, 5000]", id -> id == 1 || id == 5 || id == 999);
    check("year >= 2000 and year < 2005", id -> years[(int) id] >= 2000 && years[(int) id] < 2005);
    check("year > 2015 || year <= 1991", id -> years[(int) id] > 2015 || years[(int) id] <= 1991);
    check("not (category == \"A\" or category == \"B\") && id > 100",
        id -> !(categories[(int) id].equals("A") || categories[(int) id].equals("B")) && id > 100);
    check("!(year == 1995) AND id != 3", id -> years[(int) id] != 1995 && id != 3);
    check("id < -1", id -> false);
  }

  @Test
  void malformedExpressionsNameThePosition() {
    assertEquals("expected a field name but found '<end>' at position 19",
        assertThrows(FilterException.class, () -> FilterParser.parse(SCHEMA, "category == \"B\" and")).getMessage());
    assertEquals("unexpected character '=' at position 9",
        assertThrows(FilterException.class, () -> FilterParser.parse(SCHEMA, "category = \"B\"")).getMessage());
    assertEquals("field colour not exist or not a scalar field at position 0",
        assertThrows(FilterException.class, () -> FilterParser.parse(SCHEMA, "colour == 1")).getMessage());
    assertEquals("field year is Int64 and needs an integer, not 'x' at position 8",
        assertThrows(FilterException.class, () -> FilterParser.parse(SCHEMA, "year == \"x\"")).getMessage());
    assertEquals("expected ')' but found '<end>' at position 13",
        assertThrows(FilterException.class, () -> FilterParser.parse(SCHEMA, "(year == 1990")).getMessage());
    assertEquals("unterminated string literal at position 12",
        assertThrows(FilterException.class, () -> FilterParser.parse(SCHEMA, "category == \"B")).getMessage());
  }
}
