package org.milvusbench.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `kubectl apply -k deploy/kubernetes` would send, rendered by kubectl's own kustomize, meets
 * the contract too, and changing the one count in kustomization.yaml changes every place it is
 * needed. Needs kubectl on the PATH (no cluster): skipped without it.
 */
class KustomizeRenderTest {

  @Test
  void theRenderedManifestsMeetTheContract() throws Exception {
    InjectorManifests rendered = render(InjectorManifests.DIR);
    KubernetesManifestsTest.checkAll(rendered);
    assertEquals(KubernetesManifestsTest.injectorCount(InjectorManifests.fromSources(InjectorManifests.DIR)),
        KubernetesManifestsTest.injectorCount(rendered));
  }

  @Test
  void theInjectorCountIsSetInOnePlace(@TempDir Path copy) throws Exception {
    try (Stream<Path> files = Files.list(InjectorManifests.DIR)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName().toString()));
      }
    }
    Path kustomization = copy.resolve("kustomization.yaml");
    int n = KubernetesManifestsTest.injectorCount(InjectorManifests.fromSources(InjectorManifests.DIR));
    String text = Files.readString(kustomization);
    String changed = text.replace("- injectors=" + n + "\n", "- injectors=" + (n + 4) + "\n");
    assertTrue(!changed.equals(text), "kustomization.yaml has no `- injectors=" + n + "` literal");
    Files.writeString(kustomization, changed);

    InjectorManifests rendered = render(copy);
    assertEquals(n + 4, rendered.job().getSpec().getParallelism());
    assertEquals(n + 4, rendered.job().getSpec().getCompletions());
    KubernetesManifestsTest.checkAll(rendered);
  }

  private static InjectorManifests render(Path dir) throws IOException, InterruptedException {
    Path kubectl = onPath("kubectl");
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    Path err = Files.createTempFile("kustomize", ".err");
    try {
      Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
          .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      assertEquals(0, exit, "kubectl kustomize " + dir + ": " + Files.readString(err));
      return InjectorManifests.of(StrictManifests.parse(yaml, "kubectl kustomize " + dir));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static Path onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
