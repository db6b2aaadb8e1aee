package org.milvusbench.rundir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JSON codec of {@code results.json} ({@link SweepResults}); file names are {@link RunLayout}'s. */
public final class ResultsJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ResultsJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static void write(SweepResults results, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      MAPPER.writeValue(file.toFile(), results);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads a results file; a missing or corrupt file is an error naming it. */
  public static SweepResults read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such results file");
    }
    try {
      SweepResults results = MAPPER.readValue(file.toFile(), SweepResults.class);
      if (results.levels() == null) {
        throw new IllegalArgumentException(file + ": not a results file (no \"levels\")");
      }
      return results;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": corrupt JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
