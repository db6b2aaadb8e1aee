package org.milvusbench.analyzer;

/**
 * Universal Scalability Law fit {@code X(N) = λN / (1 + σ(N−1) + κN(N−1))}.
 *
 * @param fitted false when there was not enough to fit honestly; {@link #reason} says why and the
 *     numbers are null
 * @param lambda throughput of one user (QPS), the ideal per-user slope
 * @param sigma contention (serial fraction), ≥ 0
 * @param kappa coherency (crosstalk) cost, ≥ 0
 * @param peakConcurrency N* = √((1−σ)/κ); null when κ = 0 (no retrograde region) or σ ≥ 1
 * @param predictedMaxQps X(N*), or the λ/σ asymptote when κ = 0; null when unbounded
 * @param rmsErrorPct root-mean-square relative error of the fit over the levels, percent
 * @param maxErrorPct largest relative error of the fit, percent
 * @param points number of levels used
 */
public record UslModel(
    boolean fitted,
    String reason,
    Double lambda,
    Double sigma,
    Double kappa,
    Double peakConcurrency,
    Double predictedMaxQps,
    Double rmsErrorPct,
    Double maxErrorPct,
    int points) {

  static UslModel notFitted(String reason, int points) {
    return new UslModel(false, reason, null, null, null, null, null, null, null, points);
  }

  /** Throughput the model predicts at concurrency {@code n}. */
  public double predict(double n) {
    return throughput(lambda, sigma, kappa, n);
  }

  static double throughput(double lambda, double sigma, double kappa, double n) {
    return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
  }
}
