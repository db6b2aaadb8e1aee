package org.milvusbench.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
final class TextTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  TextTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("row has " + cells.size() + " cells, table " + headers.size());
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  List<String> headers() {
    return headers;
  }

  List<List<String>> rows() {
    return rows;
  }

  String render() {
    int[] width = new int[headers.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = headers.get(c).length();
      for (List<String> r : rows) width[c] = Math.max(width[c], r.get(c).length());
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers, width, false);
    int total = 0;
    for (int w : width) total += w + 2;
    sb.append("-".repeat(Math.max(0, total - 2))).append('\n');
    for (List<String> r : rows) line(sb, r, width, true);
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean alignNumbers) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      boolean right = alignNumbers && c > 0 && looksNumeric(cell);
      String pad = " ".repeat(width[c] - cell.length());
      l.append(right ? pad + cell : cell + pad);
      if (c < cells.size() - 1) l.append("  ");
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  private static boolean looksNumeric(String s) {
    return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.startsWith("+") || s.startsWith("-")
        || s.equals("n/a"));
  }
}
