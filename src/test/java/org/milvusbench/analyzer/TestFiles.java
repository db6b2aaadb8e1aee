package org.milvusbench.analyzer;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test resources as paths. */
public final class TestFiles {
  private TestFiles() {}

  public static Path resource(String name) {
    try {
      var url = TestFiles.class.getClassLoader().getResource(name);
      if (url == null) throw new IllegalStateException("missing test resource " + name);
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
