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
import java.util.stream.LongStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
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
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.SchemaView;

/** Each operator against a straightforward evaluation of the same predicate over 1,000 seeded rows. */
class FilterCompilerTest {
  static final SchemaView SCHEMA = schema(false);
  static final int ROWS = 1_000;
  static long[] years = new long[ROWS];
  static String[] categories = new String[ROWS];
  static double[] scores = new double[ROWS];
  static boolean[] flags = new boolean[ROWS];
  static DirectoryReader reader;

  static SchemaView schema(boolean dynamic) {
    return new SchemaView(CollectionSchema.newBuilder().setEnableDynamicField(dynamic)
        .addFields(FieldSchema.newBuilder().setName("id").setDataType(DataType.Int64).setIsPrimaryKey(true))
        .addFields(FieldSchema.newBuilder().setName("v").setDataType(DataType.FloatVector)
            .addTypeParams(KeyValuePair.newBuilder().setKey("dim").setValue("4")))
        .addFields(FieldSchema.newBuilder().setName("category").setDataType(DataType.VarChar))
        .addFields(FieldSchema.newBuilder().setName("year").setDataType(DataType.Int64))
        .addFields(FieldSchema.newBuilder().setName("score").setDataType(DataType.Double))
        .addFields(FieldSchema.newBuilder().setName("flag").setDataType(DataType.Bool))
        .addFields(FieldSchema.newBuilder().setName("meta").setDataType(DataType.JSON))
        .build());
  }

  @BeforeAll
  static void index() throws IOException {
    Random rnd = new Random(5);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int id = 0; id < ROWS; id++) {
        years[id] = 1990 + rnd.nextInt(30);
        categories[id] = String.valueOf((char) ('A' + rnd.nextInt(4)));
        scores[id] = rnd.nextInt(100) / 10.0;
        flags[id] = rnd.nextBoolean();
        Document d = new Document();
        d.add(new LongField("id", id, Field.Store.NO));
        d.add(new LongField("year", years[id], Field.Store.NO));
        d.add(new KeywordField("category", categories[id], Field.Store.NO));
        d.add(new DoubleField("score", scores[id], Field.Store.NO));
        d.add(new LongField("flag", flags[id] ? 1 : 0, Field.Store.NO));
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
    long want = LongStream.range(0, ROWS).filter(expected).count();
    assertEquals(want, new IndexSearcher(reader).count(FilterCompiler.compile(SCHEMA, expr)), expr);
  }

  private static String category(long id) {
    return categories[(int) id];
  }

  private static long year(long id) {
    return years[(int) id];
  }

  @Test
  void operatorsMatchADirectEvaluation() throws IOException {
    check("category == \"B\"", id -> category(id).equals("B"));
    check("category != 'B'", id -> !category(id).equals("B"));
    check("category in [\"A\", \"C\"]", id -> category(id).equals("A") || category(id).equals("C"));
    check("category not in [\"A\"]", id -> !category(id).equals("A"));
    check("id in [1, 5, 999, 5000]", id -> id == 1 || id == 5 || id == 999);
    check("id in []", id -> false);
    check("year >= 2000 and year < 2005", id -> year(id) >= 2000 && year(id) < 2005);
    check("year > 2015 || year <= 1991", id -> year(id) > 2015 || year(id) <= 1991);
    check("not (category == \"A\" or category == \"B\") && id > 100",
        id -> !(category(id).equals("A") || category(id).equals("B")) && id > 100);
    check("!(year == 1995) AND id != 3", id -> year(id) != 1995 && id != 3);
    check("id < -1", id -> false);
    check("category >= 'C'", id -> category(id).compareTo("C") >= 0);
  }

  @Test
  void rangesLiteralFirstBooleansAndDoubles() throws IOException {
    check("2000 <= year < 2005", id -> year(id) >= 2000 && year(id) < 2005);
    check("2010 > year", id -> year(id) < 2010);
    check("5 > score >= 2.5", id -> scores[(int) id] < 5 && scores[(int) id] >= 2.5);
    check("score == 3", id -> scores[(int) id] == 3.0);
    check("flag", id -> flags[(int) id]);
    check("not flag and year > 2010", id -> !flags[(int) id] && year(id) > 2010);
    check("flag == false", id -> !flags[(int) id]);
    check("true", id -> true);
    check("FALSE or category == 'A'", id -> category(id).equals("A"));
    check("category like 'B'", id -> category(id).equals("B"));
    check("category LIKE \"%\"", id -> true);
  }

  private static MilvusException failure(SchemaView schema, String expr) {
    return assertThrows(MilvusException.class, () -> FilterCompiler.compile(schema, expr), expr);
  }

  private static void assertInvalid(String expr, String problem) {
    MilvusException e = failure(SCHEMA, expr);
    assertEquals(MilvusException.PARAMETER_INVALID, e.code(), e.getMessage());
    assertEquals("failed to create query plan: cannot parse expression: " + expr + ", error: " + problem
        + ": invalid parameter", e.getMessage());
  }

  @Test
  void malformedOrMistypedExpressionsNameThePosition() {
    assertInvalid("category == \"B\" and", "expected a field name but found '<end>' at position 19");
    assertInvalid("category = \"B\"", "unexpected character '=' at position 9");
    assertInvalid("colour == 1", "field colour not exist or not a scalar field at position 0");
    assertInvalid("v == 1", "field v not exist or not a scalar field at position 0");
    assertInvalid("year == \"x\"", "field year is Int64 and needs an integer, not 'x' at position 8");
    assertInvalid("year in [1, 2.5]", "field year is Int64 and needs an integer, not '2.5' at position 12");
    assertInvalid("score < 'x'", "field score is Double and needs a number, not 'x' at position 8");
    assertInvalid("category == year", "field category is VarChar and needs a quoted string, not 'year' at position 12");
    assertInvalid("(year == 1990", "expected ')' but found '<end>' at position 13");
    assertInvalid("category == \"B", "unterminated string literal at position 12");
    assertInvalid("1 == 1", "a comparison needs a field on one side, not '1' == '1' at position 0");
    assertInvalid("year", "field year is Int64, not Bool, so it cannot stand alone as a condition at position 0");
    assertInvalid("year like '1%'", "like needs a VarChar field, but field year is Int64 at position 0");
  }

  @Test
  void jsonPathsNeedAJsonFieldOrTheDynamicField() {
    SchemaView dynamic = schema(true);
    FilterCompiler.compile(dynamic, "$meta['k'] > 1 and colour[0] like 'a%' and exists size");
    FilterCompiler.compile(SCHEMA, "meta[\"a\"][\"b\"] == 1 and json_contains(meta, 'x')");
    // Without a dynamic field an unknown name is a typo, and a path on a scalar is wrong in Milvus too.
    assertInvalid("colour[\"a\"] == 1", "field colour not exist or not a scalar field at position 0");
    assertInvalid("category[\"a\"] == 'x'", "VarChar data type not supported accessed with [] at position 0");
    // A JSON field without a path is no filterable scalar either.
    assertInvalid("meta == 1", "field meta not exist or not a scalar field at position 0");
    assertInvalid("exists category", "exists needs a JSON field or a path into one, not category at position 7");
    assertInvalid("exists meta", "exists needs a JSON field or a path into one, not meta at position 7");
    assertInvalid("meta['a'] == year", "a JSON path is compared with a literal, not 'year' at position 13");
    assertInvalid("meta['a'] > true", "'>' needs a number or a string, not 'true' at position 12");
  }
}
