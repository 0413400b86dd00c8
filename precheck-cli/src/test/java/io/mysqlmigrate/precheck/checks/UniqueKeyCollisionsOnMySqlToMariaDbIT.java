package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.SharedStack;
import io.mysqlmigrate.stack.StackException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * assess.unique_keys.collation on a real MySQL 9.7 source and a real MariaDB 10.11 destination. The colliding values
 * were measured on these servers: MySQL's utf8mb4_0900_ai_ci (UCA 9.0.0) gives the characters Unicode added later
 * implicit weights of their own, where MariaDB's utf8mb4_uca1400_nopad_ai_ci (UCA 14.0.0) knows them as variants of
 * older ones: U+1FBF1 SEGMENTED DIGIT ONE (Unicode 13) equals '1', U+A7F2 MODIFIER LETTER CAPITAL C (Unicode 14) equals
 * 'C'. The destination's own unique index is asked too, so the check is held to what MariaDB really refuses.
 */
class UniqueKeyCollisionsOnMySqlToMariaDbIT {

    private static final String MAPPING = "utf8mb4_0900_ai_ci:utf8mb4_uca1400_nopad_ai_ci";
    private static final String DIGIT_ONE = "1";
    private static final String SEGMENTED_ONE = new String(Character.toChars(0x1FBF1));
    private static final String CAPITAL_C = "C";
    private static final String MODIFIER_C = "\uA7F2";

    @Test
    void valuesDistinctUnderMySqlsCollationButEqualUnderTheMappedOneFailNamingTheKeyAndTheValues() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        DatabaseServer source = stack.server(Flavour.MYSQL, SharedStack.Role.SOURCE);
        DatabaseServer destination = stack.destination();
        String db = CheckRuns.newDatabase(source, "ukcoll");
        source.execute("CREATE TABLE " + db + ".codes (id INT PRIMARY KEY, code VARCHAR(20) NOT NULL, UNIQUE KEY uk_code (code))",
                "INSERT INTO " + db + ".codes VALUES (1, 'x" + DIGIT_ONE + "'), (2, 'x" + SEGMENTED_ONE + "'), (3, 'plain'), "
                        + "(4, '" + CAPITAL_C + "'), (5, '" + MODIFIER_C + "'), (6, 'c-free')",
                "CREATE TABLE " + db + ".tenants (tenant INT NOT NULL, name VARCHAR(20) NOT NULL, PRIMARY KEY (tenant, name))",
                "INSERT INTO " + db + ".tenants VALUES (1, '" + CAPITAL_C + "'), (2, '" + MODIFIER_C + "'), (3, 'q')");

        CheckResult failed = CheckRuns.run(new UniqueKeyCollisionsCheck(), CheckRuns.source(source, db),
                CheckRuns.sink(destination, MigrationSinkConfig.COLLATION_MAPPING, MAPPING));
        assertEquals(Status.FAIL, failed.status(), failed.found());
        String key = db + ".codes key uk_code (code: utf8mb4_0900_ai_ci -> utf8mb4_uca1400_nopad_ai_ci): 2 groups of 4 rows, e.g. ";
        assertTrue(failed.found().startsWith("distinct source values become equal on the destination: " + key), failed.found());
        assertTrue(failed.found().contains("'x1' = 'x" + SEGMENTED_ONE + "' (U+0078 U+1FBF1)"), failed.found());
        assertTrue(failed.found().contains("'C' = '" + MODIFIER_C + "' (U+A7F2)"), failed.found());
        assertTrue(failed.found().contains("2 unique key(s) (9 values) compared"), "the tenants' primary key is compared, "
                + "its tenants differ so it does not collide; t's key is an INT: " + failed.found());
        assertTrue(!failed.found().contains(db + ".tenants key PRIMARY ("), "different tenants: " + failed.found());
        assertTrue(failed.fix().contains(MigrationSinkConfig.COLLATION_MAPPING) && failed.fix().contains("UPDATE"), failed.fix());
        assertTrue(failed.fix().contains("these keep the values apart: " + db + ".codes key uk_code: utf8mb4_uca1400_nopad_as_cs or "
                + "utf8mb4_nopad_bin instead of utf8mb4_uca1400_nopad_ai_ci"), "as_ci still equates compatibility variants, "
                + "as_cs and binary do not (compared on MariaDB): " + failed.fix());

        // What the check says is what MariaDB's unique index does with the mapped collation.
        destination.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".codes (id INT PRIMARY KEY, code VARCHAR(20) "
                + "CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_nopad_ai_ci NOT NULL, UNIQUE KEY uk_code (code))",
                "INSERT INTO " + db + ".codes VALUES (1, 'x" + DIGIT_ONE + "'), (4, '" + CAPITAL_C + "')");
        StackException duplicate = assertThrows(StackException.class,
                () -> destination.execute("INSERT INTO " + db + ".codes VALUES (2, 'x" + SEGMENTED_ONE + "')"));
        assertTrue(duplicate.getMessage().contains("Duplicate entry"), duplicate.getMessage());
        assertThrows(StackException.class, () -> destination.execute("INSERT INTO " + db + ".codes VALUES (5, '" + MODIFIER_C + "')"));
        try (Connection c = source.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT code) FROM codes")) {
            rs.next();
            assertEquals(6, rs.getInt(1), "MySQL's utf8mb4_0900_ai_ci tells all six apart");
        }

        // Without a rule the comparison uses the collation destination.collations proposes, and says so.
        CheckResult unmapped = CheckRuns.run(new UniqueKeyCollisionsCheck(), CheckRuns.source(source, db), CheckRuns.sink(destination));
        assertEquals(Status.FAIL, unmapped.status(), unmapped.found());
        assertTrue(unmapped.found().contains("code: utf8mb4_0900_ai_ci -> utf8mb4_uca1400_nopad_ai_ci (proposed by "
                + "destination.collations, not yet in " + MigrationSinkConfig.COLLATION_MAPPING + ")"), unmapped.found());

        // The operator follows the fix: one value of each group changed on the source.
        source.execute("UPDATE " + db + ".codes SET code = 'x1-segmented' WHERE id = 2",
                "UPDATE " + db + ".codes SET code = 'C-modifier' WHERE id = 5");
        CheckResult fixed = CheckRuns.run(new UniqueKeyCollisionsCheck(), CheckRuns.source(source, db),
                CheckRuns.sink(destination, MigrationSinkConfig.COLLATION_MAPPING, MAPPING));
        assertEquals(Status.PASS, fixed.status(), fixed.found());
        assertTrue(fixed.found().startsWith("2 unique key(s) (9 values) compared on the destination under the collations it will use"),
                fixed.found());
        assertTrue(fixed.found().contains(db + ".codes key uk_code (code: utf8mb4_0900_ai_ci -> utf8mb4_uca1400_nopad_ai_ci, 6 values)"),
                fixed.found());
    }

    @Test
    void trailingSpacesCollideOnlyWhenTheMappingChangesNoPadToPadSpaceAndRowFiltersLimitTheValues() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        DatabaseServer source = stack.server(Flavour.MYSQL, SharedStack.Role.SOURCE);
        DatabaseServer destination = stack.destination();
        String db = CheckRuns.newDatabase(source, "ukpad");
        source.execute("CREATE TABLE " + db + ".names (id INT PRIMARY KEY, name VARCHAR(20), UNIQUE KEY uk_name (name))",
                "INSERT INTO " + db + ".names VALUES (1, 'a'), (2, 'a '), (3, 'b'), (4, NULL), (5, NULL)");

        CheckResult noPad = CheckRuns.run(new UniqueKeyCollisionsCheck(), CheckRuns.source(source, db),
                CheckRuns.sink(destination, MigrationSinkConfig.COLLATION_MAPPING, MAPPING));
        assertEquals(Status.PASS, noPad.status(), "both NO PAD: 'a' and 'a ' stay apart; NULLs never collide: " + noPad.found());
        assertTrue(noPad.found().contains(db + ".names key uk_name (name: utf8mb4_0900_ai_ci -> utf8mb4_uca1400_nopad_ai_ci, 3 values)"),
                noPad.found());

        CheckResult padSpace = CheckRuns.run(new UniqueKeyCollisionsCheck(), CheckRuns.source(source, db),
                CheckRuns.sink(destination, MigrationSinkConfig.COLLATION_MAPPING, "utf8mb4_0900_ai_ci:utf8mb4_unicode_520_ci"));
        assertEquals(Status.FAIL, padSpace.status(), padSpace.found());
        assertTrue(padSpace.found().contains(db + ".names key uk_name (name: utf8mb4_0900_ai_ci -> utf8mb4_unicode_520_ci): "
                + "1 group of 2 rows, e.g. 'a' = 'a '"), padSpace.found());
        assertFalse(padSpace.fix().contains("keep the values apart"), "every PAD SPACE collation equates 'a' and 'a ': " + padSpace.fix());

        CheckResult filtered = CheckRuns.run(new UniqueKeyCollisionsCheck(), CheckRuns.source(source, db,
                        MigrationSourceConfig.ROW_FILTERS, db + ".names WHERE id <> 2"),
                CheckRuns.sink(destination, MigrationSinkConfig.COLLATION_MAPPING, "utf8mb4_0900_ai_ci:utf8mb4_unicode_520_ci"));
        assertEquals(Status.PASS, filtered.status(), "the row filter keeps 'a ' out: " + filtered.found());

        assertNull(CheckRuns.run(new UniqueKeyCollisionsCheck(), CheckRuns.source(source, db, MigrationSourceConfig.MIGRATION_TYPES,
                "schema"), CheckRuns.sink(destination)), "a schema migration copies no values");
    }
}
