package io.mysqlmigrate.sink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sink's packages form a tree: no package reaches back into one that reaches it, and none needs the task, the
 * connector or their configuration (the root package), which build them and hand each the few values it uses.
 */
class PackageCyclesTest {

    private static JavaClasses sink;

    @BeforeAll
    static void importSink() {
        sink = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mysqlmigrate.sink");
    }

    @Test
    void subpackagesAreFreeOfCycles() {
        slices().matching("io.mysqlmigrate.sink.(*)..").should().beFreeOfCycles().check(sink);
    }

    @Test
    void noSubpackageDependsOnTheRootPackage() {
        noClasses().that().resideInAPackage("io.mysqlmigrate.sink.*..")
                .should().dependOnClassesThat().resideInAPackage("io.mysqlmigrate.sink")
                .because("the task, connector and configuration wire the subpackages, never the other way round")
                .check(sink);
    }
}
