package io.shaledb.core.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The packages of core depend on each other in one direction only. */
class PackageStructureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.shaledb.core");

  @Test
  void packages_haveNoCycles() {
    slices().matching("io.shaledb.core.(**)").should().beFreeOfCycles().check(CORE);
  }
}
