package org.milvusbench.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.milvusbench.cli.AnalyzerMain;
import picocli.CommandLine;

/**
 * The merge Job reads the injectors' folders of the same volume and runs the analyzer's real
 * subcommands; the image (deploy/Dockerfile) holds every path the Jobs' commands use.
 */
class MergeJobManifestTest {
  private static final Pattern ANALYZER_CALL = Pattern.compile("java -jar (\\S+) (\\S+)");
  private static final Pattern COPY_DESTINATION = Pattern.compile("(?m)^COPY\\s+--from=\\S+\\s+\\S+\\s+(\\S+)\\s*$");

  private final InjectorManifests injectors = InjectorManifests.fromSources(InjectorManifests.DIR);
  private final Job merge = (Job) StrictManifests.read(InjectorManifests.DIR.resolve("merge/merge-job.yaml")).get(0);
  private final Container container = merge.getSpec().getTemplate().getSpec().getContainers().get(0);
  // Kubernetes expands $(VAR) in args and turns $$ into $: the script the shell gets.
  private final String script = String.join(" ", container.getArgs()).replace("$$", "$");

  @Test
  void itReadsEveryInjectorsFolderOfTheSameVolume() {
    String claim = injectors.runs().getMetadata().getName();
    Volume volume = merge.getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getPersistentVolumeClaim() != null && v.getPersistentVolumeClaim().getClaimName().equals(claim))
        .findFirst().orElseThrow(() -> new AssertionError("the merge Job does not mount the claim " + claim));
    String root = KubernetesManifestsTest.mountOf(container, volume.getName()).getMountPath();
    String injectorFolder = volume(injectors).getSubPathExpr().replace(KubernetesManifestsTest.INDEX, "$i");
    assertTrue(script.contains(root + "/" + injectorFolder + "/"), "the script must read " + root + "/" + injectorFolder);
    assertTrue(script.contains("out=" + root + "/"), "the merged run must land on the volume");

    EnvVar count = container.getEnv().stream().filter(e -> e.getName().equals("INJECTORS")).findFirst().orElseThrow();
    assertEquals(injectors.sweep().getMetadata().getName(), count.getValueFrom().getConfigMapKeyRef().getName());
    assertEquals("injectors", count.getValueFrom().getConfigMapKeyRef().getKey());
    assertTrue(script.contains("-lt \"$INJECTORS\""), "the loop runs over the injector count");
    assertEquals(0, merge.getSpec().getBackoffLimit());
  }

  @Test
  void itRunsTheAnalyzersMergeThenAnalyze() {
    CommandLine analyzer = new CommandLine(new AnalyzerMain());
    Set<String> subcommands = analyzer.getSubcommands().keySet();
    List<String> called = new ArrayList<>();
    Matcher m = ANALYZER_CALL.matcher(script);
    while (m.find()) {
      assertTrue(imageCopies().contains(m.group(1)), m.group(1) + " is not in the image");
      assertTrue(subcommands.contains(m.group(2)), m.group(2) + " is no analyzer subcommand " + subcommands);
      called.add(m.group(2));
    }
    assertEquals(List.of("merge", "analyze"), called);
    assertNotNull(analyzer.getSubcommands().get("merge").getCommandSpec().findOption("--out"));
    assertTrue(script.contains("merge $runs --out \"$out\""), script);
    assertTrue(script.contains("analyze \"$out\""), script);
  }

  @Test
  void theImageHoldsWhatTheInjectorRuns() throws Exception {
    String dockerfile = StrictManifests.text(Path.of("deploy", "Dockerfile"));
    assertTrue(dockerfile.contains("\nFROM eclipse-temurin:17"), "runtime base eclipse-temurin:17");
    List<String> args = injectors.injector().getArgs();
    assertEquals("java", String.join(" ", injectors.injector().getCommand()));
    String classpath = injectors.argumentAfter("-cp");
    Set<String> copies = imageCopies();
    for (String entry : classpath.split(":")) {
      assertTrue(copies.contains(entry.replaceAll("/\\*$", "")), entry + " is not in the image " + copies);
    }
    String main = args.get(args.indexOf("-cp") + 2);
    assertEquals("io.gatling.app.Gatling", main);
    Class.forName(main);
    // The simulation `mvn gatling:test` runs (the root pom's gatling.simulationClass).
    String pom = StrictManifests.text(Path.of("pom.xml"));
    Matcher property = Pattern.compile("<gatling.simulationClass>([^<]+)</gatling.simulationClass>").matcher(pom);
    assertTrue(property.find());
    assertEquals(property.group(1), injectors.argumentAfter("--simulation"));
    assertTrue(Simulation.class.isAssignableFrom(Class.forName(property.group(1))));
  }

  private static io.fabric8.kubernetes.api.model.VolumeMount volume(InjectorManifests m) {
    String claim = m.runs().getMetadata().getName();
    String name = m.job().getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getPersistentVolumeClaim() != null && v.getPersistentVolumeClaim().getClaimName().equals(claim))
        .findFirst().orElseThrow().getName();
    return KubernetesManifestsTest.mountOf(m.injector(), name);
  }

  private static Set<String> imageCopies() {
    Matcher m = COPY_DESTINATION.matcher(StrictManifests.text(Path.of("deploy", "Dockerfile")));
    Set<String> out = new java.util.TreeSet<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
