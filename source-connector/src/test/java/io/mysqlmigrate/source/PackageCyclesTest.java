package io.mysqlmigrate.source;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The source connector's packages form layers: the task and its config at the top wire the subpackages together,
 * and no subpackage reaches back up or round in a circle. A subpackage gets the few settings it needs as a small
 * record rather than the whole config.
 */
class PackageCyclesTest {

    private static final JavaClasses CONNECTOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mysqlmigrate.source");

    @Test
    void theSubpackagesAreFreeOfCycles() {
        slices().matching("io.mysqlmigrate.source.(*)..").should().beFreeOfCycles().check(CONNECTOR);
    }

    @Test
    void noSubpackageDependsOnTheTopPackage() {
        noClasses().that().resideInAPackage("io.mysqlmigrate.source.*..")
                .should().dependOnClassesThat().resideInAPackage("io.mysqlmigrate.source")
                .check(CONNECTOR);
    }
}
