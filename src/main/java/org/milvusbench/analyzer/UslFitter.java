package org.milvusbench.analyzer;

import java.util.List;

/**
 * Least-squares fit of the Universal Scalability Law to (concurrency, QPS) points: a linear
 * regression on the linearised form {@code N/X = 1/λ + (σ/λ)(N−1) + (κ/λ)N(N−1)} gives the
 * starting point, then Levenberg–Marquardt on relative residuals (so the one-user level counts as
 * much as the hundred-user one) with σ, κ kept ≥ 0. Three parameters: at least
 * {@link #MIN_POINTS} levels are required, so a fit is never exact by construction.
 */
public final class UslFitter {
  /** Fewer distinct levels than this and the fit would just interpolate: report no fit. */
  public static final int MIN_POINTS = 4;

  private static final int MAX_ITERATIONS = 500;

  private UslFitter() {}

  /** Fits {@code qps[i]} measured at {@code concurrency[i]} (positive values only). */
  public static UslModel fit(double[] concurrency, double[] qps) {
    int n = concurrency.length;
    if (n != qps.length) throw new IllegalArgumentException("one QPS per concurrency expected");
    long distinct = java.util.Arrays.stream(concurrency).distinct().count();
    if (distinct < MIN_POINTS) {
      return UslModel.notFitted(
          "not fitted: " + distinct + " level(s) with throughput; the 3-parameter USL needs at least "
              + MIN_POINTS,
          n);
    }
    double[] p = initialGuess(concurrency, qps);
    double lambdaDamping = 1e-3;
    double cost = cost(p, concurrency, qps);
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double[][] jtj = new double[3][3];
      double[] jtr = new double[3];
      for (int i = 0; i < n; i++) {
        double N = concurrency[i];
        double d = 1 + p[1] * (N - 1) + p[2] * N * (N - 1);
        double f = p[0] * N / d;
        double r = (qps[i] - f) / qps[i];
        // d(f)/d(params), scaled by 1/qps_i like the residual.
        double[] g = {
          N / d / qps[i], -p[0] * N * (N - 1) / (d * d) / qps[i], -p[0] * N * N * (N - 1) / (d * d) / qps[i]
        };
        for (int a = 0; a < 3; a++) {
          jtr[a] += g[a] * r;
          for (int b = 0; b < 3; b++) jtj[a][b] += g[a] * g[b];
        }
      }
      boolean improved = false;
      while (lambdaDamping < 1e12) {
        double[][] m = new double[3][3];
        for (int a = 0; a < 3; a++) {
          System.arraycopy(jtj[a], 0, m[a], 0, 3);
          m[a][a] += lambdaDamping * (jtj[a][a] > 0 ? jtj[a][a] : 1e-12);
        }
        double[] step = solve3(m, jtr);
        if (step == null) {
          lambdaDamping *= 10;
          continue;
        }
        double[] candidate = {
          Math.max(p[0] + step[0], 1e-12), Math.max(p[1] + step[1], 0), Math.max(p[2] + step[2], 0)
        };
        double c = cost(candidate, concurrency, qps);
        if (c < cost) {
          double relativeDrop = (cost - c) / Math.max(cost, 1e-300);
          p = candidate;
          cost = c;
          lambdaDamping = Math.max(lambdaDamping / 10, 1e-12);
          improved = relativeDrop > 1e-15;
          break;
        }
        lambdaDamping *= 10;
      }
      if (!improved) break;
    }
    return model(p, concurrency, qps);
  }

  /** Convenience for analyzer levels; uses closed-model levels that have throughput. */
  static UslModel fit(List<LevelMetrics> levels, boolean openModel) {
    if (openModel) {
      return UslModel.notFitted("not fitted: the USL models concurrency, this was an open-model run", 0);
    }
    List<LevelMetrics> usable =
        levels.stream().filter(l -> l.concurrency() > 0 && l.qps() > 0 && l.successes() > 0).toList();
    double[] c = usable.stream().mapToDouble(LevelMetrics::concurrency).toArray();
    double[] x = usable.stream().mapToDouble(LevelMetrics::qps).toArray();
    return fit(c, x);
  }

  private static double[] initialGuess(double[] c, double[] x) {
    // N/X = a + b(N-1) + c N(N-1): ordinary least squares on three regressors.
    double[][] ata = new double[3][3];
    double[] aty = new double[3];
    for (int i = 0; i < c.length; i++) {
      double N = c[i];
      double[] row = {1, N - 1, N * (N - 1)};
      double y = N / x[i];
      for (int a = 0; a < 3; a++) {
        aty[a] += row[a] * y;
        for (int b = 0; b < 3; b++) ata[a][b] += row[a] * row[b];
      }
    }
    double[] abc = solve3(ata, aty);
    double maxPerUser = 0;
    for (int i = 0; i < c.length; i++) maxPerUser = Math.max(maxPerUser, x[i] / c[i]);
    if (abc == null || !(abc[0] > 0)) {
      return new double[] {maxPerUser, 0.01, 0.0001};
    }
    double lambda = 1 / abc[0];
    return new double[] {lambda, Math.max(0, abc[1] * lambda), Math.max(0, abc[2] * lambda)};
  }

  private static double cost(double[] p, double[] c, double[] x) {
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      double r = (x[i] - UslModel.throughput(p[0], p[1], p[2], c[i])) / x[i];
      s += r * r;
    }
    return s;
  }

  private static UslModel model(double[] p, double[] c, double[] x) {
    double lambda = p[0], sigma = p[1], kappa = p[2];
    double squares = 0, max = 0;
    for (int i = 0; i < c.length; i++) {
      double r = Math.abs(x[i] - UslModel.throughput(lambda, sigma, kappa, c[i])) / x[i];
      squares += r * r;
      max = Math.max(max, r);
    }
    Double peak = null, maxQps = null;
    if (kappa > 0 && sigma < 1) {
      peak = Math.sqrt((1 - sigma) / kappa);
      maxQps = UslModel.throughput(lambda, sigma, kappa, peak);
    } else if (kappa == 0 && sigma > 0) {
      maxQps = lambda / sigma; // Amdahl asymptote, reached only as N → ∞
    }
    return new UslModel(true, null, lambda, sigma, kappa, peak, maxQps,
        Math.sqrt(squares / c.length) * 100, max * 100, c.length);
  }

  /** Solves a 3×3 system by Gaussian elimination with partial pivoting; null when singular. */
  static double[] solve3(double[][] a, double[] b) {
    double[][] m = new double[3][4];
    for (int i = 0; i < 3; i++) {
      System.arraycopy(a[i], 0, m[i], 0, 3);
      m[i][3] = b[i];
    }
    for (int col = 0; col < 3; col++) {
      int pivot = col;
      for (int r = col + 1; r < 3; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
      if (Math.abs(m[pivot][col]) < 1e-300) return null;
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      for (int r = 0; r < 3; r++) {
        if (r == col) continue;
        double f = m[r][col] / m[col][col];
        for (int k = col; k < 4; k++) m[r][k] -= f * m[col][k];
      }
    }
    double[] x = {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
    for (double v : x) if (!Double.isFinite(v)) return null;
    return x;
  }
}
