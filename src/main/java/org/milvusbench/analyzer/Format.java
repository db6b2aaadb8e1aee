package org.milvusbench.analyzer;

import java.util.Locale;

/** Number formatting shared by messages and reports; locale-independent. */
public final class Format {
  private Format() {}

  /** Two decimals, as the reference prints; "n/a" for null or non-finite. */
  public static String num(Double value) {
    return value == null || !Double.isFinite(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }

  /** Decimals as asked; "n/a" for null or non-finite. */
  public static String num(Double value, int decimals) {
    return value == null || !Double.isFinite(value)
        ? "n/a"
        : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** Signed percentage with one decimal, as the reference prints it ("+49.9%"). */
  public static String signedPct(Double pct) {
    return pct == null || !Double.isFinite(pct) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", pct);
  }

  /** A level's x value: integral values without decimals ("20"), others with two. */
  public static String load(Double load) {
    if (load == null) return "n/a";
    return load == Math.rint(load) ? Long.toString((long) (double) load) : num(load);
  }

  /** Bytes as MiB with one decimal. */
  public static String mib(Long bytes) {
    return bytes == null ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }
}
