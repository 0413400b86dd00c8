package io.mysqlmigrate.dialect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What both flavours share lives in SqlDialect or a helper beside it; one flavour's dialect never calls the other's. */
class FlavourDialectsApartTest {

    private static final JavaClasses DIALECT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mysqlmigrate.dialect");

    @Test
    void mySqlDialectDoesNotUseMariaDbDialect() {
        noClasses().that().haveSimpleName("MySqlDialect").should().dependOnClassesThat().haveSimpleName("MariaDbDialect")
                .check(DIALECT);
    }

    @Test
    void mariaDbDialectDoesNotUseMySqlDialect() {
        noClasses().that().haveSimpleName("MariaDbDialect").should().dependOnClassesThat().haveSimpleName("MySqlDialect")
                .check(DIALECT);
    }
}
