package org.milvusbench.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milvusbench.config.ConfigKeys;
import picocli.CommandLine;

class DataPrepConfigTest {

  @Test
  void profilesHaveTheDocumentedSizes() {
    assertEquals(2_000, DataPrepConfig.profile("smoke").rows());
    assertEquals("benchmark_smoke", DataPrepConfig.profile("smoke").collection());
    DataPrepConfig d = DataPrepConfig.profile("default");
    assertEquals(50_000, d.rows());
    assertEquals(768, d.dim());
    assertEquals(10_000, d.batchSize());
    assertEquals("benchmark_concurrent", d.collection());
    assertEquals("HNSW/L2/M=16/efConstruction=200", CollectionSpec.indexDescription(d));
    assertEquals(List.of("A", "B", "C", "D"), d.categories());
    assertEquals(1_000_000, DataPrepConfig.profile("seed").rows());
    assertEquals(123, DataPrepConfig.profile("seed").toBuilder().rows(123).build().rows());
  }

  @Test
  void errorsNameTheFlagAndWhatIsAllowed() {
    assertEquals("--profile: \"huge\" is not a profile (allowed: smoke, default, seed)",
        assertThrows(IllegalArgumentException.class, () -> DataPrepConfig.profile("huge")).getMessage());
    assertEquals("--dim: 0 is not allowed (allowed: 1..32768)",
        assertThrows(IllegalArgumentException.class, () -> DataPrepConfig.builder().dim(0).build()).getMessage());
    assertEquals("--metric: \"HAMMING\" is not allowed (allowed: L2, IP, COSINE)",
        assertThrows(IllegalArgumentException.class, () -> DataPrepConfig.builder().metric("HAMMING").build())
            .getMessage());
    assertEquals("--categories: [A, TOO_LONG_VALUE] is not allowed (allowed: 1 or more values of 1..10 characters "
        + "(VARCHAR(10)))", assertThrows(IllegalArgumentException.class,
            () -> DataPrepConfig.builder().categories(List.of("A", "TOO_LONG_VALUE")).build()).getMessage());
  }

  @Test
  void profilesAndTheirDefaultAreTheSweepKeys() {
    assertEquals(ConfigKeys.PROFILES, DataPrepConfig.PROFILES);
    for (String profile : ConfigKeys.PROFILES) {
      assertEquals(true, DataPrepConfig.profile(profile).rows() > 0, profile);
    }
    DataPrepMain main = new DataPrepMain(System.out);
    new CommandLine(main).parseArgs();
    assertEquals(ConfigKeys.PROFILE.defaultText(), main.profile);
    assertEquals(ConfigKeys.EMBEDDED_DATA.defaultValue(), main.embeddedData);
    String help = new CommandLine(new DataPrepMain(System.out)).getUsageMessage().replaceAll("\\s+", " ");
    assertTrue(help.contains("seed (1,000,000 × 768). Default: default"), help);
    assertTrue(help.contains("(without --uri). Default: data/embedded"), help);
  }

  @Test
  void tokenIsNeverPrinted() {
    DataPrepConfig c = DataPrepConfig.builder().uri("http://h:19530").token("root:Secret").build();
    assertEquals(false, c.toString().contains("Secret"));
  }
}
