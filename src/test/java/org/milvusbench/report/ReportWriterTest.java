package org.milvusbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Analyzer;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.SyntheticRun;
import org.milvusbench.analyzer.TestFiles;
import org.milvusbench.rundir.ResultsJson;
import org.w3c.dom.NodeList;

/** Every report file of a synthetic run and of the reference example, parsed and checked. */
class ReportWriterTest {
  static final List<SyntheticRun.Level> LEVELS = List.of(
      new SyntheticRun.Level(1, 500, 0, 94, 10, false, 0.95, SyntheticRun.resources(60, 30)),
      new SyntheticRun.Level(4, 800, 0, 342, 11, false, 0.95, SyntheticRun.resources(130, 55)),
      new SyntheticRun.Level(8, 800, 4, 579, 13, true, 0.95, SyntheticRun.resources(140, 50)),
      new SyntheticRun.Level(16, 800, 40, 600, 26, false, 0.95, SyntheticRun.resources(180, 60)));

  private static AnalysisReport synthetic(Path tmp, AnalyzerOptions options) throws Exception {
    Path run = tmp.resolve("runs/run-1");
    SyntheticRun.write(run, 3, LEVELS, Map.of());
    Path gatling = tmp.resolve("runs/gatling/sweep-1");
    Files.createDirectories(gatling.resolve("js"));
    Files.writeString(gatling.resolve("index.html"), "<html></html>");
    return Analyzer.analyze(run, options);
  }

  @Test
  void writesEveryReport(@TempDir Path tmp) throws Exception {
    AnalysisReport r = synthetic(tmp, AnalyzerOptions.builder().slaP95Ms(20.0).build());
    Path dir = tmp.resolve("runs/run-1");
    List<Path> files = ReportWriter.writeAll(dir, r);
    assertEquals(List.of("analysis.txt", "analysis.json", "concurrency-overview.png",
        "latency-percentiles.png", "summary.html", "junit-sla.xml"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    for (Path f : files) assertTrue(Files.size(f) > 100, f.toString());
    assertTrue(Files.readString(dir.resolve("analysis.txt")).contains("5. Knee"));
  }

  @Test
  void summaryHtmlIsSelfContainedWithTablesChartsAndGatlingLink(@TempDir Path tmp) throws Exception {
    AnalysisReport r = synthetic(tmp, AnalyzerOptions.builder().slaP95Ms(20.0).targetQps(5000.0).build());
    Path dir = tmp.resolve("runs/run-1");
    ReportWriter.writeAll(dir, r);
    String html = Files.readString(dir.resolve("summary.html"));
    Document doc = Jsoup.parse(html);

    Element levels = doc.getElementById("levels");
    assertNotNull(levels);
    List<String> headers = levels.select("tr").first().select("th").eachText();
    assertEquals(List.of("Concurrency", "Requests", "Time (s)", "QPS", "Goodput (/s)", "Avg (ms)",
        "P50 (ms)", "P95 (ms)", "P99 (ms)", "Max (ms)", "Min (ms)", "Std (ms)", "Successes",
        "Failures", "Failure rate", "Recall@k", "Target CPU %", "Generator CPU %"), headers);
    assertEquals(1 + 4, levels.select("tr").size());
    assertEquals("16", levels.select("tr").get(4).select("td").get(0).text());
    assertEquals("5.00%", levels.select("tr").get(4).select("td").get(14).text());
    for (String id : List.of("qps", "p95", "stability", "steps", "little", "sla")) {
      assertNotNull(doc.getElementById(id), "table " + id);
    }
    assertEquals("SLA gate: PASS", doc.getElementById("sla-verdict").text());
    assertTrue(doc.getElementById("verdicts").text().contains("Capacity: 5000 QPS at P95 ≤ 20 ms →"),
        doc.getElementById("verdicts").text());

    for (String id : List.of("overview", "percentiles")) {
      String src = doc.getElementById(id).attr("src");
      assertTrue(src.startsWith("data:image/png;base64,"), id);
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(
          Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()))));
      assertNotNull(img, id);
      assertEquals(1400, img.getWidth(), id);
    }
    // Offline: nothing is fetched from anywhere.
    assertTrue(doc.select("[src^=http], link[href], script").isEmpty());
    Element link = doc.getElementById("gatling-report");
    assertEquals("../gatling/sweep-1/index.html", link.attr("href"));
    assertTrue(Files.isRegularFile(dir.resolve(link.attr("href"))));

    // Well-formed enough for a strict XML parser too.
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void analysisJsonHasNumbersAndUnitsInKeys(@TempDir Path tmp) throws Exception {
    AnalysisReport r = Analyzer.analyze(TestFiles.resource("analyzer/concurrent_test_results.json"),
        AnalyzerOptions.builder().targetQps(10_000.0).build());
    Path file = tmp.resolve("analysis.json");
    AnalysisJson.write(r, file);
    JsonNode json = ResultsJson.mapper().readTree(file.toFile());
    assertEquals("milvusbench.analysis/1", json.get("schema").asText());
    JsonNode c20 = json.get("levels").get(3);
    assertTrue(c20.get("p95Ms").isNumber());
    assertEquals(58.90, c20.get("p95Ms").asDouble());
    assertEquals(823.45, c20.get("qps").asDouble());
    assertEquals(0.1, c20.get("failureRatePct").asDouble(), 1e-12);
    assertEquals(20, json.get("best").get("bestScore").get("concurrency").asInt());
    assertEquals(13.98, json.get("best").get("bestScore").get("score").asDouble(), 0.005);
    assertEquals(20, json.get("knee").get("afterConcurrency").asInt());
    assertEquals(50, json.get("knee").get("toConcurrency").asInt());
    assertFalse(json.get("kneeByReferenceRule").get("found").asBoolean());
    assertEquals(13, json.get("capacityPlan").get("machines").asInt());
    assertEquals(26, json.get("capacityPlan").get("machinesWithRedundancy").asInt());
    assertTrue(json.get("usl").get("sigma").isNumber());
    assertTrue(json.get("sla").get("passed").asBoolean());
  }

  @Test
  void junitXmlHasOneTestcasePerSlaAndFailuresForBreaches(@TempDir Path tmp) throws Exception {
    AnalysisReport r = Analyzer.analyze(TestFiles.resource("analyzer/concurrent_test_results.json"),
        AnalyzerOptions.builder().slaP95Ms(20.0).slaMaxFailurePct(1.0).kneeNotBefore(10).minRecall(0.9).build());
    Path file = tmp.resolve("junit-sla.xml");
    JUnitSlaXml.write(r, file);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    var suite = doc.getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals("milvusbench.sla", suite.getAttribute("name"));
    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(5, cases.getLength());
    assertEquals("5", suite.getAttribute("tests"));
    assertEquals("3", suite.getAttribute("failures"));
    List<String> names = new java.util.ArrayList<>();
    List<String> failed = new java.util.ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      var tc = (org.w3c.dom.Element) cases.item(i);
      names.add(tc.getAttribute("name"));
      var f = tc.getElementsByTagName("failure");
      if (f.getLength() > 0) failed.add(((org.w3c.dom.Element) f.item(0)).getAttribute("message"));
    }
    assertEquals(List.of("P95 ≤ 20 ms", "failure rate ≤ 1 %", "recall ≥ 0.9",
        "knee not before concurrency 10", "one level meets P95 ≤ 20 ms, failure rate ≤ 1 %, recall ≥ 0.9"), names);
    assertEquals(List.of(
        "P95 ≤ 20 ms: breached — lowest P95 25.67 ms at concurrency 1",
        "recall ≥ 0.9: breached — recall was not measured in this run",
        "one level meets P95 ≤ 20 ms, failure rate ≤ 1 %, recall ≥ 0.9: breached — no level meets them together"),
        failed);
    assertEquals(r.breaches(), failed);
  }
}
