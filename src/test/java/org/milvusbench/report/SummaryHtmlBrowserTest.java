package org.milvusbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Analyzer;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.TestFiles;

/**
 * Opens summary.html offline in headless Chromium and checks the screenshot is a rendered page
 * (not blank). Skipped where Chromium is not installed ({@code apt-get install chromium}).
 */
class SummaryHtmlBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void rendersOfflineInHeadlessChromium(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
    Files.copy(TestFiles.resource("analyzer/concurrent_test_results.json"), dir.resolve("concurrent_test_results.json"));
    AnalysisReport r = Analyzer.analyze(dir, AnalyzerOptions.builder().targetQps(1000.0).slaP95Ms(100.0).build());
    ReportWriter.writeAll(dir, r);
    Path shot = dir.resolve("shot.png");
    Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + dir.resolve("profile"), "--screenshot=" + shot, "--window-size=1200,1600",
        dir.resolve("summary.html").toUri().toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    try {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish in 60 s");
    } finally {
      p.destroyForcibly();
    }
    BufferedImage img = ImageIO.read(shot.toFile());
    assertNotNull(img, Files.readString(dir.resolve("chromium.log")));
    assertEquals(1200, img.getWidth());
    // A rendered page with charts has many distinct colours; a blank or error page has few.
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
    }
    assertTrue(colours.size() > 200, "only " + colours.size() + " colours in the screenshot");
  }
}
