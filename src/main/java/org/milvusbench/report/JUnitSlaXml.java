package org.milvusbench.report;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.SlaCheck;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code junit-sla.xml}: the SLA gate as a JUnit XML test suite (one {@code testcase} per SLA, a
 * {@code failure} carrying the breach line), so CI systems show SLA results like test results.
 * Built with the JDK's DOM so escaping is always right.
 */
public final class JUnitSlaXml {
  public static final String FILE_NAME = "junit-sla.xml";
  public static final String SUITE_NAME = "milvusbench.sla";

  private JUnitSlaXml() {}

  public static void write(AnalysisReport r, Path file) {
    try {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element suite = doc.createElement("testsuite");
      doc.appendChild(suite);
      suite.setAttribute("name", SUITE_NAME);
      java.util.List<SlaCheck> checks = new java.util.ArrayList<>(r.sla());
      java.util.List<String> owners = new java.util.ArrayList<>(java.util.Collections.nCopies(r.sla().size(), ""));
      r.operations().forEach((op, report) -> report.sla().forEach(c -> {
        checks.add(c);
        owners.add(op);
      }));
      suite.setAttribute("tests", Integer.toString(checks.size()));
      suite.setAttribute("failures", Long.toString(checks.stream().filter(c -> !c.passed()).count()));
      suite.setAttribute("errors", "0");
      suite.setAttribute("skipped", "0");
      suite.setAttribute("time", "0");
      for (int i = 0; i < checks.size(); i++) {
        SlaCheck c = checks.get(i);
        String op = owners.get(i);
        Element tc = doc.createElement("testcase");
        // Another operation's checks are named after it: milvusbench.sla.insert.p95
        tc.setAttribute("classname", SUITE_NAME + "." + (op.isEmpty() ? "" : op + ".") + c.name());
        tc.setAttribute("name", (op.isEmpty() ? "" : op + ": ") + c.description());
        tc.setAttribute("time", "0");
        if (!c.passed()) {
          Element failure = doc.createElement("failure");
          failure.setAttribute("message", c.message());
          failure.setAttribute("type", "SlaBreach");
          failure.setTextContent(c.message());
          tc.appendChild(failure);
        } else {
          Element out = doc.createElement("system-out");
          out.setTextContent(c.message());
          tc.appendChild(out);
        }
        suite.appendChild(tc);
      }
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.transform(new DOMSource(doc), new StreamResult(file.toFile()));
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
