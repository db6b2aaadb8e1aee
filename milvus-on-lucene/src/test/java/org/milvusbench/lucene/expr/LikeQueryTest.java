package org.milvusbench.lucene.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.KeyValuePair;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.milvusbench.lucene.store.SchemaView;

/**
 * {@code like} against an independent evaluation (the pattern as a Java regex) over seeded strings
 * drawn from an alphabet full of the characters both dialects treat specially: {@code % _ \ * ?}.
 */
class LikeQueryTest {
  static final SchemaView SCHEMA = new SchemaView(CollectionSchema.newBuilder()
      .addFields(FieldSchema.newBuilder().setName("id").setDataType(DataType.Int64).setIsPrimaryKey(true))
      .addFields(FieldSchema.newBuilder().setName("v").setDataType(DataType.FloatVector)
          .addTypeParams(KeyValuePair.newBuilder().setKey("dim").setValue("4")))
      .addFields(FieldSchema.newBuilder().setName("name").setDataType(DataType.VarChar))
      .build());
  static final String ALPHABET = "ab%_\\*?é";
  static final int ROWS = 2_000;
  static String[] names = new String[ROWS];
  static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    Random rnd = new Random(11);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int i = 0; i < ROWS; i++) {
        StringBuilder sb = new StringBuilder();
        for (int n = rnd.nextInt(5); n > 0; n--) {
          sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        names[i] = sb.toString();
        Document d = new Document();
        d.add(new KeywordField("name", names[i], Field.Store.NO));
        w.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  /** Milvus's semantics spelled out directly: % any run, _ one character, backslash quotes the next. */
  static boolean likeByRegex(String value, String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        if (c == '\\' && i + 1 < pattern.length()) {
          c = pattern.charAt(++i);
        }
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  /** {@code name like '<pattern>'} with the pattern written so the lexer hands it over unchanged. */
  static Query compile(String pattern) {
    String quoted = "'" + pattern.replace("\\", "\\\\").replace("'", "\\'") + "'";
    return FilterCompiler.compile(SCHEMA, "name like " + quoted);
  }

  @Test
  void patternsMatchTheRegexEvaluation() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    List<String> patterns = List.of("a%", "%", "", "a", "_", "__", "a_b", "%a%", "%b", "%\\%%", "\\_%", "a*%",
        "?%", "%*", "\\\\%", "%\\\\", "é_", "%a_%b%", "a\\", "_%_");
    for (String pattern : patterns) {
      long want = Arrays.stream(names).filter(n -> likeByRegex(n, pattern)).count();
      assertEquals(want, searcher.count(compile(pattern)), pattern);
    }
    Random rnd = new Random(17);
    String symbols = ALPHABET + "%%__";
    for (int t = 0; t < 300; t++) {
      StringBuilder sb = new StringBuilder();
      for (int n = rnd.nextInt(5); n > 0; n--) {
        sb.append(symbols.charAt(rnd.nextInt(symbols.length())));
      }
      String pattern = sb.toString();
      long want = Arrays.stream(names).filter(n -> likeByRegex(n, pattern)).count();
      assertEquals(want, searcher.count(compile(pattern)), pattern);
    }
  }

  @Test
  void theCheapestQueryIsChosen() {
    assertEquals(KeywordField.newExactQuery("name", "ab"), compile("ab"));
    assertEquals(KeywordField.newExactQuery("name", "50%"), compile("50\\%"));
    assertEquals(PrefixQuery.class, compile("ab%").getClass());
    assertEquals(PrefixQuery.class, compile("a*%%").getClass());
    assertEquals(new PrefixQuery(new Term("name", "a*")), compile("a*%"));
    assertEquals(WildcardQuery.class, compile("ab_").getClass());
    assertEquals(WildcardQuery.class, compile("%ab").getClass());
    assertEquals(new WildcardQuery(new Term("name", "\\*?\\?*\\\\")), compile("*_?%\\\\"));
  }
}
