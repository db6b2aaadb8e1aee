package org.milvusbench.lucene.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A database's own small file ({@code database.json} in its directory): its id, when it was created,
 * the properties CreateDatabase gave it (echoed by DescribeDatabase) and its collection aliases (alias →
 * collection name; aliases are per database, as in Milvus). Written atomically when they change.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatabaseState(String name, long id, long createdMillis, Map<String, String> properties,
    Map<String, String> aliases) {
  static final String FILE = "database.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public DatabaseState {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
  }

  DatabaseState(String name, long id, long createdMillis, Map<String, String> properties) {
    this(name, id, createdMillis, properties, Map.of());
  }

  DatabaseState withAliases(Map<String, String> value) {
    return new DatabaseState(name, id, createdMillis, properties, value);
  }

  static boolean existsIn(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  static DatabaseState read(Path dir) throws IOException {
    return JSON.readValue(dir.resolve(FILE).toFile(), DatabaseState.class);
  }

  void write(Path dir) throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
