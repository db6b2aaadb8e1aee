package org.milvusbench.dataprep;

import java.util.Arrays;

/** Bounded max-heap on (cost, row): the root is the worst kept candidate. */
final class TopK {
  final float[] cost;
  final long[] row;
  int size;

  TopK(int k) {
    cost = new float[k];
    row = new long[k];
  }

  void offer(float c, long r) {
    if (size < cost.length) {
      int i = size++;
      cost[i] = c;
      row[i] = r;
      while (i > 0) { // sift up
        int parent = (i - 1) / 2;
        if (!worse(i, parent)) {
          break;
        }
        swap(i, parent);
        i = parent;
      }
    } else if (c < cost[0]) { // rows arrive in ascending order, so an equal cost keeps the lower row
      cost[0] = c;
      row[0] = r;
      int i = 0;
      while (true) { // sift down
        int l = 2 * i + 1;
        int w = i;
        if (l < size && worse(l, w)) {
          w = l;
        }
        if (l + 1 < size && worse(l + 1, w)) {
          w = l + 1;
        }
        if (w == i) {
          break;
        }
        swap(i, w);
        i = w;
      }
    }
  }

  private boolean worse(int a, int b) {
    return cost[a] > cost[b] || (cost[a] == cost[b] && row[a] > row[b]);
  }

  private void swap(int a, int b) {
    float c = cost[a];
    cost[a] = cost[b];
    cost[b] = c;
    long r = row[a];
    row[a] = row[b];
    row[b] = r;
  }

  void sortedInto(int qi, long[][] outRows, float[][] outScores, boolean l2) {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> cost[a] != cost[b] ? Float.compare(cost[a], cost[b]) : Long.compare(row[a], row[b]));
    outRows[qi] = new long[size];
    outScores[qi] = new float[size];
    for (int i = 0; i < size; i++) {
      outRows[qi][i] = row[order[i]];
      outScores[qi][i] = l2 ? cost[order[i]] : -cost[order[i]];
    }
  }
}
