package org.milvusbench.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads Kubernetes manifests into fabric8's generated model of the Kubernetes API, strictly: a field
 * the API does not have (a typo such as {@code completionMod}) fails, naming the file and the field.
 */
final class StrictManifests {
  /** The kinds deploy/kubernetes uses; any other kind is an error, not silently skipped. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Job", Job.class, "Service", Service.class,
      "PersistentVolumeClaim", PersistentVolumeClaim.class, "ConfigMap", ConfigMap.class);

  // fabric8's classes catch unknown fields in an any-setter map (additionalProperties), where a
  // typo would sit unnoticed; without that any-setter, FAIL_ON_UNKNOWN_PROPERTIES applies.
  private static final ObjectMapper MAPPER = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addModule(new SimpleModule("reject-additional-properties").setDeserializerModifier(new ValueDeserializerModifier() {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier bean,
            BeanDeserializerBuilder builder) {
          builder.setAnySetter(null);
          return builder;
        }
      }))
      .build();

  private StrictManifests() {}

  /** Every document of a manifest file, each as its kind's model class. */
  static List<HasMetadata> read(Path file) {
    return parse(text(file), file.toString());
  }

  /** Every document of {@code yaml} (from {@code source}, for messages), each as its kind's model class. */
  static List<HasMetadata> parse(String yaml, String source) {
    List<HasMetadata> resources = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        String kind = doc.path("kind").asString("");
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
          throw new IllegalArgumentException(source + ": kind \"" + kind + "\" is none of " + KINDS.keySet());
        }
        resources.add(MAPPER.treeToValue(doc, type));
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": " + e.getOriginalMessage(), e);
    }
    return resources;
  }

  /** A YAML file that is no Kubernetes object (kustomization.yaml) as a plain tree. */
  static JsonNode tree(Path file) {
    return MAPPER.readTree(text(file));
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
