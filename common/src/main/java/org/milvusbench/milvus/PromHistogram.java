package org.milvusbench.milvus;

import java.util.ArrayList;
import java.util.List;

/**
 * A Prometheus classic histogram at one moment: cumulative counts per upper bound ({@code le}),
 * ascending, the last one +Inf. Two scrapes give the observations in between ({@link #minus}), and
 * {@link #quantile} estimates as PromQL's {@code histogram_quantile} does.
 */
public record PromHistogram(List<Bucket> buckets) {

  /** Observations at or below {@code le}, cumulative. */
  public record Bucket(double le, double count) {}

  public PromHistogram {
    buckets = List.copyOf(buckets);
  }

  /** Observations in all (the +Inf bucket's count); 0 without buckets. */
  public double count() {
    return buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1).count();
  }

  /**
   * What was observed since {@code earlier}, bucket by bucket. When a count went down (the server
   * restarted and its counters began again) this histogram is taken whole, as PromQL's {@code increase}
   * takes a reset counter.
   */
  public PromHistogram minus(PromHistogram earlier) {
    if (earlier == null || earlier.buckets.size() != buckets.size()) {
      return this;
    }
    List<Bucket> out = new ArrayList<>(buckets.size());
    for (int i = 0; i < buckets.size(); i++) {
      Bucket now = buckets.get(i);
      Bucket then = earlier.buckets.get(i);
      if (now.le() != then.le() || now.count() < then.count()) {
        return this;
      }
      out.add(new Bucket(now.le(), now.count() - then.count()));
    }
    return new PromHistogram(out);
  }

  /**
   * The {@code q}-quantile (0..1) as Prometheus's {@code histogram_quantile} computes it
   * (promql/quantile.go, bucketQuantile): the bucket holding rank {@code q × count}, linearly
   * interpolated between its lower and upper bound (the first bucket's lower bound is 0); a rank in
   * the +Inf bucket gives the highest finite bound. NaN without observations or without a +Inf bucket.
   */
  public double quantile(double q) {
    int n = buckets.size();
    if (n < 2 || buckets.get(n - 1).le() != Double.POSITIVE_INFINITY || count() == 0) {
      return Double.NaN;
    }
    double rank = q * count();
    int b = 0;
    while (b < n - 1 && buckets.get(b).count() < rank) {
      b++;
    }
    if (b == n - 1) {
      return buckets.get(n - 2).le();
    }
    if (b == 0 && buckets.get(0).le() <= 0) {
      return buckets.get(0).le();
    }
    double start = 0;
    double end = buckets.get(b).le();
    double inBucket = buckets.get(b).count();
    if (b > 0) {
      start = buckets.get(b - 1).le();
      inBucket -= buckets.get(b - 1).count();
      rank -= buckets.get(b - 1).count();
    }
    return start + (end - start) * (rank / inBucket);
  }
}
