package org.milvusbench.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixDealTest {

  private static Map<String, Integer> weights(Object... pairs) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return m;
  }

  @Test
  void everyCycleDealsEachOperationItsWeight() {
    MixDeal deal = new MixDeal(weights("search", 90, "insert", 5, "upsert", 2, "delete", 1, "query", 2));
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      counts.merge(deal.next(), 1, Integer::sum);
    }
    assertEquals(Map.of("search", 900, "insert", 50, "upsert", 20, "delete", 10, "query", 20), counts);
  }

  @Test
  void theMinorityIsSpreadThroughTheCycleNotBunched() {
    MixDeal deal = new MixDeal(weights("search", 90, "insert", 10));
    List<Integer> inserts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      if (deal.next().equals("insert")) {
        inserts.add(i);
      }
    }
    assertEquals(10, inserts.size());
    for (int i = 1; i < inserts.size(); i++) {
      assertEquals(10, inserts.get(i) - inserts.get(i - 1), "one insert every 10 requests: " + inserts);
    }
  }

  @Test
  void countsOfAPartialCycleMatchWhatIsDealt() {
    Map<String, Integer> w = weights("search", 6, "insert", 2, "upsert", 1, "delete", 1);
    MixDeal counter = new MixDeal(w);
    MixDeal deal = new MixDeal(w);
    Map<String, Long> dealt = new HashMap<>();
    for (int i = 0; i < 37; i++) {
      dealt.merge(deal.next(), 1L, Long::sum);
    }
    for (String op : w.keySet()) {
      assertEquals(dealt.getOrDefault(op, 0L), counter.count(op, 37), op);
    }
    assertTrue(counter.count("search", 37) > counter.count("insert", 37));
  }
}
