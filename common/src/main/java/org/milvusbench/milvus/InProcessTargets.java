package org.milvusbench.milvus;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The embedded target started inside this JVM (data-prep's CLI, tests), found with {@link
 * ServiceLoader} so that nothing compiles against the server: milvus-on-lucene registers its
 * {@link Factory}. The sweep runs it as a child JVM instead ({@link EmbeddedTarget}).
 */
public final class InProcessTargets {

  /** Implemented by the embedded target's module ({@code META-INF/services}). */
  public interface Factory {
    /** Starts a target on an ephemeral 127.0.0.1 port over {@code dataDir}; closing it stops it. */
    MilvusTarget start(Path dataDir) throws Exception;
  }

  private InProcessTargets() {}

  /**
   * Starts the embedded target in this JVM.
   *
   * @throws IllegalStateException when milvus-on-lucene is not on the class path or cannot start
   */
  public static MilvusTarget start(Path dataDir) {
    Factory factory = ServiceLoader.load(Factory.class).findFirst().orElseThrow(() ->
        new IllegalStateException("no embedded target on the class path (milvus-on-lucene); give a Milvus URI instead"));
    try {
      return factory.start(dataDir);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the embedded target on " + dataDir + ": " + e.getMessage(), e);
    }
  }
}
