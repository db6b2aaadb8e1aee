package org.milvusbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The one-way layers of README's "How it flows", over the main code of all four modules: each layer
 * may use only the layers before it, packages form no cycles, and nothing reaches into the embedded
 * server except over gRPC. When a rule fails, move the code; do not loosen the rule.
 */
@AnalyzeClasses(packages = "org.milvusbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** In the order data flows; a layer may depend only on layers listed before it. */
  private static final String[][] LAYERS = {
      {"Foundation", "org.milvusbench.config..", "org.milvusbench.expr..", "org.milvusbench.process.."},
      {"Target", "org.milvusbench.milvus..", "org.milvusbench.lucene.."},
      {"DataPrep", "org.milvusbench.dataprep.."},
      {"DSL", "org.milvusbench.gatling.."},
      {"Recorders", "org.milvusbench.recorder.."},
      {"RunDirectory", "org.milvusbench.rundir.."},
      {"Analyzer", "org.milvusbench.analyzer.."},
      {"Reports", "org.milvusbench.report.."},
      {"SweepLog", "org.milvusbench.sweep"},
      {"SweepConfig", "org.milvusbench.sweep.config.."},
      {"SweepSetup", "org.milvusbench.sweep.setup.."},
      {"SweepRun", "org.milvusbench.sweep.run.."},
      {"CLI", "org.milvusbench.cli.."},
  };

  @ArchTest
  static final ArchRule layersOnlyLookDown = layers();

  @ArchTest
  static final ArchRule everyPackageBelongsToALayer = classes().that().resideInAPackage("org.milvusbench..")
      .should().resideInAnyPackage(allPackages())
      .because("a package outside the layer table would escape the layering rule");

  @ArchTest
  static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("org.milvusbench.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule sweepStagesAreFreeOfCycles = slices().matching("org.milvusbench.sweep.(*)..").should().beFreeOfCycles();

  /** Every package, sub-packages included (gatling → internal → core, lucene.rpc → expr → store → error). */
  @ArchTest
  static final ArchRule everyPackageIsFreeOfCycles = slices().matching("org.milvusbench.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theServerIsReachedOnlyOverGrpc = noClasses().that().resideOutsideOfPackage("org.milvusbench.lucene..")
      .should().dependOnClassesThat().resideInAPackage("org.milvusbench.lucene..")
      .because("the embedded target is a Milvus: clients reach it over gRPC (InProcessTargets starts it by ServiceLoader)");

  private static LayeredArchitecture layers() {
    LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String[] layer : LAYERS) {
      architecture = architecture.layer(layer[0]).definedBy(java.util.Arrays.copyOfRange(layer, 1, layer.length));
    }
    for (int i = 0; i < LAYERS.length; i++) {
      String[] above = new String[LAYERS.length - 1 - i];
      for (int j = i + 1; j < LAYERS.length; j++) {
        above[j - i - 1] = LAYERS[j][0];
      }
      architecture = above.length == 0
          ? architecture.whereLayer(LAYERS[i][0]).mayNotBeAccessedByAnyLayer()
          : architecture.whereLayer(LAYERS[i][0]).mayOnlyBeAccessedByLayers(above);
    }
    return architecture;
  }

  private static String[] allPackages() {
    return java.util.Arrays.stream(LAYERS).flatMap(l -> java.util.Arrays.stream(l, 1, l.length)).toArray(String[]::new);
  }
}
