package org.milvusbench.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The injector side of deploy/kubernetes as the cluster would get it: the Indexed Job, the headless
 * Service, the run volume's claim and the sweep ConfigMap (the merge Job, applied later, is apart).
 */
record InjectorManifests(Job job, Service service, PersistentVolumeClaim runs, ConfigMap sweep) {
  static final Path DIR = Path.of("deploy", "kubernetes");
  static final String JOB = "milvus-injector";
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  /**
   * The files {@code kustomization.yaml} lists, plus the ConfigMap its generator makes (literals and
   * files), read without kustomize: what `kubectl apply -k` starts from.
   */
  static InjectorManifests fromSources(Path dir) {
    JsonNode kustomization = StrictManifests.tree(dir.resolve("kustomization.yaml"));
    List<HasMetadata> all = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      all.addAll(StrictManifests.read(dir.resolve(resource.asString())));
    }
    for (JsonNode generator : kustomization.path("configMapGenerator")) {
      all.add(generated(dir, generator));
    }
    return of(all);
  }

  /** Exactly one of each kind, else an error naming what is missing or doubled. */
  static InjectorManifests of(List<HasMetadata> all) {
    return new InjectorManifests(only(all, Job.class), only(all, Service.class), only(all, PersistentVolumeClaim.class),
        only(all, ConfigMap.class));
  }

  /** The injector container (the pod has exactly one). */
  Container injector() {
    List<Container> containers = job.getSpec().getTemplate().getSpec().getContainers();
    if (containers.size() != 1) {
      throw new IllegalStateException("the injector pod should have one container, has " + containers.size());
    }
    return containers.get(0);
  }

  /** The {@code -Dkey=value} arguments before the main class, in order. */
  Map<String, String> systemProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    for (String arg : injector().getArgs()) {
      if (!arg.startsWith("-")) {
        break; // the main class: what follows are its own arguments
      }
      if (arg.startsWith("-D")) {
        int eq = arg.indexOf('=');
        props.put(arg.substring(2, eq < 0 ? arg.length() : eq), eq < 0 ? "" : arg.substring(eq + 1));
      }
    }
    return props;
  }

  /** The argument after {@code option} (e.g. {@code --simulation}), or null. */
  String argumentAfter(String option) {
    List<String> args = injector().getArgs();
    int i = args.indexOf(option);
    return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
  }

  /** The container's env var {@code name}, or null. */
  EnvVar env(String name) {
    return injector().getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElse(null);
  }

  /**
   * What an argument value becomes in the pod when it is one {@code $(VAR)} reference to an env var
   * read from the sweep ConfigMap; null when it is not such a reference.
   */
  String fromConfigMap(String value) {
    Matcher m = ENV_REFERENCE.matcher(value);
    if (!m.matches()) {
      return null;
    }
    EnvVar var = env(m.group(1));
    if (var == null || var.getValueFrom() == null || var.getValueFrom().getConfigMapKeyRef() == null
        || !var.getValueFrom().getConfigMapKeyRef().getName().equals(sweep.getMetadata().getName())) {
      return null;
    }
    return sweep.getData().get(var.getValueFrom().getConfigMapKeyRef().getKey());
  }

  /** The env var a value {@code $(VAR)} refers to, or null. */
  static String envReference(String value) {
    Matcher m = ENV_REFERENCE.matcher(value);
    return m.matches() ? m.group(1) : null;
  }

  private static ConfigMap generated(Path dir, JsonNode generator) {
    Map<String, String> data = new LinkedHashMap<>();
    for (JsonNode literal : generator.path("literals")) {
      String text = literal.asString();
      int eq = text.indexOf('=');
      data.put(text.substring(0, eq), text.substring(eq + 1));
    }
    for (JsonNode file : generator.path("files")) {
      Path path = dir.resolve(file.asString());
      data.put(path.getFileName().toString(), StrictManifests.text(path));
    }
    return new ConfigMapBuilder().withNewMetadata().withName(generator.path("name").asString()).endMetadata()
        .withData(data).build();
  }

  private static <T extends HasMetadata> T only(List<HasMetadata> all, Class<T> kind) {
    List<T> found = all.stream().filter(kind::isInstance).map(kind::cast).toList();
    if (found.size() != 1) {
      throw new IllegalStateException("expected one " + kind.getSimpleName() + ", found " + found.size());
    }
    return found.get(0);
  }
}
