package org.milvusbench.lucene;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;

/** Seeded vectors and brute-force ground truth for tests and the benchmark. */
public final class TestData {
  private TestData() {}

  /** {@code n} rows around {@code clusters} random centres (Gaussian, sd 0.1), L2-normalised. */
  public static float[][] clustered(int n, int dim, int clusters, long seed) {
    Random rnd = new Random(seed);
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int i = 0; i < dim; i++) {
        c[i] = (float) rnd.nextGaussian();
      }
    }
    float[][] out = new float[n][dim];
    for (int r = 0; r < n; r++) {
      float[] c = centres[rnd.nextInt(clusters)];
      for (int i = 0; i < dim; i++) {
        out[r][i] = c[i] + (float) (0.1 * rnd.nextGaussian() * Math.sqrt(dim) / 8);
      }
      VectorUtil.l2normalize(out[r]);
    }
    return out;
  }

  /** The reference's data: normal(0,1) per component, then L2-normalised. */
  public static float[][] normal(int n, int dim, long seed) {
    Random rnd = new Random(seed);
    float[][] out = new float[n][dim];
    for (float[] v : out) {
      for (int i = 0; i < dim; i++) {
        v[i] = (float) rnd.nextGaussian();
      }
      VectorUtil.l2normalize(v);
    }
    return out;
  }

  /** The reference's queries: uniform [0, 1) per component, not normalised. */
  public static float[][] uniform(int n, int dim, long seed) {
    Random rnd = new Random(seed);
    float[][] out = new float[n][dim];
    for (float[] v : out) {
      for (int i = 0; i < dim; i++) {
        v[i] = rnd.nextFloat();
      }
    }
    return out;
  }

  /** Queries near the data: a data row plus small noise. */
  public static float[][] near(float[][] data, int n, long seed) {
    Random rnd = new Random(seed);
    float[][] out = new float[n][];
    for (int q = 0; q < n; q++) {
      float[] base = data[rnd.nextInt(data.length)];
      out[q] = new float[base.length];
      for (int i = 0; i < base.length; i++) {
        out[q][i] = base[i] + (float) (0.02 * rnd.nextGaussian());
      }
    }
    return out;
  }

  /** Row indices of the {@code k} nearest rows by squared L2 (ascending), among rows where {@code allowed}. */
  public static int[] bruteForceL2(float[][] data, float[] query, int k, java.util.function.IntPredicate allowed) {
    return IntStream.range(0, data.length).filter(allowed).boxed()
        .sorted(Comparator.comparingDouble(i -> VectorUtil.squareDistance(query, data[i])))
        .limit(k).mapToInt(Integer::intValue).toArray();
  }

  public static String category(int row) {
    return String.valueOf((char) ('A' + row % 4));
  }

  /** Rows as the Java client's insert wants them (embedding + category). */
  public static List<JsonObject> rows(float[][] data, int from, int to) {
    List<JsonObject> rows = new ArrayList<>(to - from);
    for (int r = from; r < to; r++) {
      JsonObject row = new JsonObject();
      JsonArray vec = new JsonArray(data[r].length);
      for (float x : data[r]) {
        vec.add(x);
      }
      row.add("embedding", vec);
      row.addProperty("category", category(r));
      rows.add(row);
    }
    return rows;
  }

  /** Rows {@code from..to} with their primary key {@code idBase + row} and the given category. */
  public static List<JsonObject> keyedRows(float[][] data, int from, int to, long idBase, String category) {
    List<JsonObject> rows = rows(data, from, to);
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).addProperty("id", idBase + from + i);
      rows.get(i).addProperty("category", category);
    }
    return rows;
  }

  /**
   * Rows with client-assigned keys: row i is {@code fields.apply(i)} with {@code id} i and the vector
   * {@code data[i]} added; the row's own keys keep their order (dynamic fields come back in it).
   */
  static List<JsonObject> rowsKeyedByIndex(float[][] data, IntFunction<JsonObject> fields) {
    List<JsonObject> rows = new ArrayList<>(data.length);
    for (int i = 0; i < data.length; i++) {
      JsonObject row = fields.apply(i);
      row.addProperty("id", i);
      row.add(TargetFixture.VECTOR, new Gson().toJsonTree(data[i]));
      rows.add(row);
    }
    return rows;
  }

  public static List<Float> boxed(float[] v) {
    List<Float> out = new ArrayList<>(v.length);
    for (float x : v) {
      out.add(x);
    }
    return out;
  }

  static double recall(long[] expected, long[] actual) {
    long hits = Arrays.stream(actual).filter(a -> Arrays.stream(expected).anyMatch(e -> e == a)).count();
    return (double) hits / expected.length;
  }
}
