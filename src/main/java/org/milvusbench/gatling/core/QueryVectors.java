package org.milvusbench.gatling.core;

import com.google.protobuf.ByteString;
import io.milvus.grpc.PlaceholderGroup;
import io.milvus.grpc.PlaceholderType;
import io.milvus.grpc.PlaceholderValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed set of query vectors, encoded once into Milvus's wire form (little-endian float32), handed
 * out round-robin; optionally with each query's ground-truth neighbour ids so recall@k can be
 * measured under load. Generating and encoding happen here, never on the request path.
 */
public final class QueryVectors {
  private final int dimension;
  private final ByteString[] vectorBytes;
  private final ByteString[] singleQueryGroups;
  private final long[][] groundTruth;
  private final AtomicLong cursor = new AtomicLong();

  private QueryVectors(int dimension, ByteString[] vectorBytes, long[][] groundTruth) {
    this.dimension = dimension;
    this.vectorBytes = vectorBytes;
    this.groundTruth = groundTruth;
    this.singleQueryGroups = new ByteString[vectorBytes.length];
    for (int i = 0; i < vectorBytes.length; i++) {
      singleQueryGroups[i] = placeholderGroup(List.of(vectorBytes[i]));
    }
  }

  /**
   * Queries without ground truth.
   *
   * @throws IllegalArgumentException if empty or of mixed dimension
   */
  public static QueryVectors of(List<float[]> vectors) {
    return of(vectors, null);
  }

  /**
   * Queries with their true nearest-neighbour ids (best first); {@code groundTruth} may be null,
   * else one entry per vector.
   */
  public static QueryVectors of(List<float[]> vectors, List<long[]> groundTruth) {
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("query vectors: none given");
    }
    if (groundTruth != null && groundTruth.size() != vectors.size()) {
      throw new IllegalArgumentException(
          "query vectors: " + vectors.size() + " vectors but " + groundTruth.size() + " ground-truth rows");
    }
    int dimension = vectors.get(0).length;
    ByteString[] encoded = new ByteString[vectors.size()];
    for (int i = 0; i < encoded.length; i++) {
      float[] v = vectors.get(i);
      if (v.length != dimension) {
        throw new IllegalArgumentException(
            "query vectors: vector " + i + " has dimension " + v.length + ", expected " + dimension);
      }
      encoded[i] = encode(v);
    }
    return new QueryVectors(dimension, encoded, groundTruth == null ? null : groundTruth.toArray(long[][]::new));
  }

  /**
   * The reference script's queries: each component uniform in [0, 1) ({@code np.random.random(dim)}),
   * not normalised; reproducible from {@code seed}. No ground truth.
   */
  public static QueryVectors uniform(int count, int dimension, long seed) {
    if (count < 1 || dimension < 1) {
      throw new IllegalArgumentException("uniform queries: count and dimension must be positive, got " + count + " x " + dimension);
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[][] vectors = new float[count][dimension];
    for (float[] v : vectors) {
      for (int d = 0; d < dimension; d++) {
        v[d] = (float) random.nextDouble();
      }
    }
    return of(List.of(vectors));
  }

  /** True when {@code other} holds the same vectors in the same order (ground truth aside). */
  public boolean sameVectors(QueryVectors other) {
    return java.util.Arrays.equals(vectorBytes, other.vectorBytes);
  }

  /** The same vectors without ground truth (recall then not measured). */
  public QueryVectors withoutGroundTruth() {
    return new QueryVectors(dimension, vectorBytes, null);
  }

  public int size() {
    return vectorBytes.length;
  }

  public int dimension() {
    return dimension;
  }

  public boolean hasGroundTruth() {
    return groundTruth != null;
  }

  /** True neighbour ids of query {@code index}, best first; null when this set has none. */
  public long[] groundTruth(int index) {
    return groundTruth == null ? null : groundTruth[index];
  }

  /**
   * Index of the first of the next {@code nq} queries, round-robin across all users (lock-free):
   * consecutive requests take consecutive, non-overlapping runs of queries.
   */
  public int nextIndex(int nq) {
    return (int) (cursor.getAndAdd(nq) % vectorBytes.length);
  }

  /** Encoded placeholder group of {@code nq} consecutive queries starting at {@code first} (wrapping). */
  public ByteString placeholderGroup(int first, int nq) {
    if (nq == 1) {
      return singleQueryGroups[first];
    }
    ByteString[] values = new ByteString[nq];
    for (int q = 0; q < nq; q++) {
      values[q] = vectorBytes[(first + q) % vectorBytes.length];
    }
    return placeholderGroup(List.of(values));
  }

  /** Milvus's float-vector wire form: float32, little-endian, concatenated. */
  public static ByteString encode(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return ByteString.copyFrom(buffer.array());
  }

  /** The serialized {@code PlaceholderGroup} a SearchRequest carries: tag {@code $0}, FloatVector. */
  public static ByteString placeholderGroup(List<ByteString> encodedVectors) {
    return PlaceholderGroup.newBuilder()
        .addPlaceholders(
            PlaceholderValue.newBuilder()
                .setTag("$0")
                .setType(PlaceholderType.FloatVector)
                .addAllValues(encodedVectors))
        .build()
        .toByteString();
  }
}
