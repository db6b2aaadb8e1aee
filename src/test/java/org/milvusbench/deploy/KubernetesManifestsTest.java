package org.milvusbench.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.milvusbench.config.ConfigKey;
import org.milvusbench.config.ConfigKeys;
import tools.jackson.databind.JsonNode;

/**
 * deploy/kubernetes parsed into the Kubernetes API model, unknown fields rejected, and checked
 * against the suite's contract: an Indexed Job of N injectors that each know N and their index, meet
 * at injector 0's barrier through the headless Service, write to the shared volume, and get the
 * token from a Secret. {@link KustomizeRenderTest} runs the same checks on kustomize's output.
 */
class KubernetesManifestsTest {
  static final String INDEX = "$(JOB_COMPLETION_INDEX)";

  private final InjectorManifests sources = InjectorManifests.fromSources(InjectorManifests.DIR);

  @Test
  void theSourcesMeetTheContract() {
    checkAll(sources);
  }

  /** The count is written once, in kustomization.yaml, and copied into parallelism and completions. */
  @Test
  void kustomizationCopiesTheInjectorCountIntoTheJob() {
    JsonNode kustomization = StrictManifests.tree(InjectorManifests.DIR.resolve("kustomization.yaml"));
    JsonNode replacement = kustomization.path("replacements").get(0);
    assertNotNull(replacement, "kustomization.yaml has no replacements");
    assertEquals("ConfigMap", replacement.path("source").path("kind").asString());
    assertEquals(sources.sweep().getMetadata().getName(), replacement.path("source").path("name").asString());
    assertEquals("data.injectors", replacement.path("source").path("fieldPath").asString());
    JsonNode target = replacement.path("targets").get(0);
    assertEquals("Job", target.path("select").path("kind").asString());
    assertEquals(sources.job().getMetadata().getName(), target.path("select").path("name").asString());
    Set<String> paths = target.path("fieldPaths").valueStream().map(JsonNode::asString).collect(Collectors.toSet());
    assertEquals(Set.of("spec.parallelism", "spec.completions"), paths);
    assertTrue(kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean(),
        "the merge Job reads the ConfigMap by its plain name");
  }

  @Test
  void aMisspelledFieldIsRejected() {
    String job = StrictManifests.text(InjectorManifests.DIR.resolve("injector-job.yaml"));
    for (String[] typo : new String[][] {{"completionMode:", "completionMod:"}, {"subPathExpr:", "subpathExpr:"}}) {
      assertTrue(job.contains(typo[0]), typo[0]);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> StrictManifests.parse(job.replace(typo[0], typo[1]), "injector-job.yaml"));
      String misspelled = typo[1].substring(0, typo[1].length() - 1);
      assertTrue(e.getMessage().startsWith("injector-job.yaml: ") && e.getMessage().contains("\"" + misspelled + "\""),
          e.getMessage());
    }
  }

  static void checkAll(InjectorManifests m) {
    checkKeys(m); // first: a misspelled -D key is named as such, not as a missing value
    checkIndexedJob(m);
    checkCountAndIndex(m);
    checkBarrier(m);
    checkRunDirectory(m);
    checkToken(m);
  }

  static int injectorCount(InjectorManifests m) {
    String count = m.sweep().getData().get("injectors");
    assertNotNull(count, "the sweep ConfigMap has no injectors key");
    int n = Integer.parseInt(count);
    assertTrue(n >= 1, "injectors = " + n);
    return n;
  }

  static void checkIndexedJob(InjectorManifests m) {
    JobSpec spec = m.job().getSpec();
    int n = injectorCount(m);
    assertEquals("Indexed", spec.getCompletionMode());
    assertEquals(n, spec.getParallelism(), "parallelism");
    assertEquals(n, spec.getCompletions(), "completions");
    // A retried injector would run its share alone, after the others passed the barrier.
    assertEquals(0, spec.getBackoffLimit());
    assertEquals("Never", spec.getTemplate().getSpec().getRestartPolicy());
  }

  static void checkCountAndIndex(InjectorManifests m) {
    Map<String, String> props = m.systemProperties();
    for (String key : List.of("sweep.injectors", "sweep.injectorIndex", "milvus.uri")) {
      assertNotNull(props.get(key), "no -D" + key);
    }
    assertEquals(String.valueOf(injectorCount(m)), m.fromConfigMap(props.get("sweep.injectors")),
        "-Dsweep.injectors must read the ConfigMap's injectors: " + props.get("sweep.injectors"));
    assertEquals(INDEX, props.get("sweep.injectorIndex"));
    assertNull(m.env("JOB_COMPLETION_INDEX"), "JOB_COMPLETION_INDEX is the Job controller's; do not set it");
    assertNotNull(m.fromConfigMap(props.get("milvus.uri")), "-Dmilvus.uri must read the ConfigMap: " + props.get("milvus.uri"));
  }

  static void checkBarrier(InjectorManifests m) {
    String barrier = m.systemProperties().get("sweep.barrier");
    assertNotNull(barrier, "no -Dsweep.barrier");
    int colon = barrier.lastIndexOf(':');
    String host = barrier.substring(0, colon);
    int port = Integer.parseInt(barrier.substring(colon + 1));
    PodSpec pod = m.job().getSpec().getTemplate().getSpec();
    assertEquals(m.job().getMetadata().getName() + "-0." + pod.getSubdomain(), host, "injector 0's name is <job>-0.<subdomain>");
    assertEquals(pod.getSubdomain(), m.service().getMetadata().getName(), "the pods' subdomain must be the headless Service");
    assertEquals("None", m.service().getSpec().getClusterIP());
    assertTrue(m.service().getSpec().getPublishNotReadyAddresses(), "injector 0 must resolve before it reports Ready");
    Map<String, String> selector = m.service().getSpec().getSelector();
    Map<String, String> labels = m.job().getSpec().getTemplate().getMetadata().getLabels();
    assertFalse(selector.isEmpty());
    assertTrue(labels.entrySet().containsAll(selector.entrySet()), "selector " + selector + " vs pod labels " + labels);
    ContainerPort containerPort = m.injector().getPorts().stream().filter(p -> p.getContainerPort() == port).findFirst()
        .orElseThrow(() -> new AssertionError("no container port " + port));
    ServicePort servicePort = m.service().getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst()
        .orElseThrow(() -> new AssertionError("the Service has no port " + port));
    Object target = servicePort.getTargetPort().getValue();
    assertTrue(target.equals(port) || target.equals(containerPort.getName()), "targetPort " + target);
  }

  static void checkRunDirectory(InjectorManifests m) {
    String runDir = m.systemProperties().get(ConfigKeys.SWEEP_RUN_DIR.name());
    assertNotNull(runDir, "no -Dsweep.runDir");
    String claim = m.runs().getMetadata().getName();
    Volume volume = m.job().getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getPersistentVolumeClaim() != null && v.getPersistentVolumeClaim().getClaimName().equals(claim))
        .findFirst().orElseThrow(() -> new AssertionError("no volume of the claim " + claim));
    VolumeMount mount = mountOf(m.injector(), volume.getName());
    assertEquals(runDir, mount.getMountPath(), "the run root is the volume");
    assertTrue(mount.getSubPathExpr().contains(INDEX), "each injector its own folder: " + mount.getSubPathExpr());
    assertTrue(m.runs().getSpec().getAccessModes().contains("ReadWriteMany"), "injectors on several nodes share the volume");
    // The sweep finds Gatling's report under <working directory>/target/gatling.
    assertEquals(runDir, m.injector().getWorkingDir());
    assertEquals(runDir + "/target/gatling", m.argumentAfter("--results-folder"));
  }

  static void checkToken(InjectorManifests m) {
    EnvVar token = m.env("MILVUS_TOKEN");
    assertNotNull(token, "no MILVUS_TOKEN env var");
    assertNull(token.getValue(), "the token must not be inline");
    assertNotNull(token.getValueFrom().getSecretKeyRef(), "MILVUS_TOKEN must come from a Secret");
    assertFalse(token.getValueFrom().getSecretKeyRef().getName().isBlank());
    assertFalse(token.getValueFrom().getSecretKeyRef().getKey().isBlank());
    for (String arg : m.injector().getArgs()) {
      assertFalse(arg.contains("milvus.token") || arg.contains("MILVUS_TOKEN"), "the token on the command line: " + arg);
    }
    Config conf = ConfigFactory.parseString(sweepConf(m))
        .resolveWith(ConfigFactory.parseMap(Map.of("MILVUS_TOKEN", "from-the-secret")));
    assertEquals("from-the-secret", conf.getString(ConfigKeys.MILVUS_TOKEN.name()));
  }

  /** Every -D key and every sweep.conf key is the suite's; every literal value parses as its key's. */
  static void checkKeys(InjectorManifests m) {
    m.systemProperties().forEach((name, value) -> {
      ConfigKey<?> key = ConfigKeys.byName(name)
          .orElseThrow(() -> new AssertionError("-D" + name + " is no key of ConfigKeys"));
      if (!value.contains("$(")) {
        key.parser().parse(value);
      }
    });
    Config conf = ConfigFactory.parseString(sweepConf(m)).resolveWith(ConfigFactory.parseMap(Map.of("MILVUS_TOKEN", "t")));
    conf.entrySet().forEach(e -> {
      ConfigKey<?> key = ConfigKeys.byName(e.getKey())
          .orElseThrow(() -> new AssertionError("sweep.conf: " + e.getKey() + " is no key of ConfigKeys"));
      Object value = e.getValue() instanceof ConfigList list
          ? list.unwrapped().stream().map(String::valueOf).collect(Collectors.joining(",")) : e.getValue().unwrapped();
      key.parser().parse(String.valueOf(value));
    });
    String configPath = m.systemProperties().get(ConfigKeys.SWEEP_CONFIG.name());
    assertNotNull(configPath, "no -Dsweep.config");
    String dir = configPath.substring(0, configPath.lastIndexOf('/'));
    String file = configPath.substring(configPath.lastIndexOf('/') + 1);
    Volume volume = m.job().getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getConfigMap() != null && v.getConfigMap().getName().equals(m.sweep().getMetadata().getName()))
        .findFirst().orElseThrow(() -> new AssertionError("the sweep ConfigMap is not mounted"));
    assertEquals(dir, mountOf(m.injector(), volume.getName()).getMountPath());
    assertTrue(volume.getConfigMap().getItems().stream().anyMatch(i -> i.getPath().equals(file) && i.getKey().equals("sweep.conf")),
        "-Dsweep.config names the mounted sweep.conf");
  }

  private static String sweepConf(InjectorManifests m) {
    String conf = m.sweep().getData().get("sweep.conf");
    assertNotNull(conf, "the sweep ConfigMap has no sweep.conf");
    return conf;
  }

  static VolumeMount mountOf(Container container, String volume) {
    List<VolumeMount> mounts = container.getVolumeMounts().stream().filter(v -> v.getName().equals(volume)).toList();
    if (mounts.size() != 1) {
      fail(container.getName() + " mounts " + volume + " " + mounts.size() + " times");
    }
    return mounts.get(0);
  }
}
