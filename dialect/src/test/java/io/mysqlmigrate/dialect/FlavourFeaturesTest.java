package io.mysqlmigrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.FlavourFeatures.Feature;
import io.mysqlmigrate.dialect.FlavourFeatures.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What each flavour has that the other lacks, per direction, as measured on MySQL 9.7 and MariaDB 10.11. */
class FlavourFeaturesTest {

    private static final ServerVersion MYSQL = ServerVersion.parse("9.7.0", "MySQL Community Server - GPL");
    private static final ServerVersion MARIADB_1011 = ServerVersion.parse("10.11.6-MariaDB-0+deb12u1", "Debian 12");
    private static final ServerVersion MARIADB_106 = ServerVersion.parse("10.6.18-MariaDB", "mariadb.org binary distribution");

    @Test
    void oneFlavourOnBothSidesLacksNothing() {
        assertEquals(List.of(), FlavourFeatures.lackedBy(MYSQL, MYSQL));
        assertEquals(List.of(), FlavourFeatures.lackedBy(MARIADB_106, MARIADB_1011));
    }

    @Test
    void mySqlToMariaDbRefusesFunctionalIndexesVectorsAndEncryptedTablesAndChangesJsonSridAndNotEnforcedChecks() {
        Map<String, Outcome> outcomes = outcomes(FlavourFeatures.lackedBy(MYSQL, MARIADB_1011));
        Map<String, Outcome> expected = new LinkedHashMap<>();
        expected.put("json", Outcome.CHANGED);
        expected.put("functional_index", Outcome.REFUSED);
        expected.put("descending_index", Outcome.KEPT);
        expected.put("check_constraint", Outcome.KEPT);
        expected.put("check_not_enforced", Outcome.CHANGED);
        expected.put("expression_default", Outcome.KEPT);
        expected.put("srid", Outcome.CHANGED);
        expected.put("invisible_column", Outcome.KEPT);
        expected.put("vector", Outcome.REFUSED);
        expected.put("database_encryption", Outcome.CHANGED);
        expected.put("table_encryption", Outcome.REFUSED);
        assertEquals(expected, outcomes);
        assertTrue(FlavourFeatures.lackedBy(MYSQL, MARIADB_1011).stream().filter(Feature::probe).map(Feature::id).toList()
                .equals(java.util.List.of("expression_default")), "MySQL's expression defaults are evaluated on the destination");
    }

    @Test
    void mariaDb117HasAVectorTypeOfItsOwn() {
        Feature vector = FlavourFeatures.lackedBy(MYSQL, ServerVersion.parse("11.8.2-MariaDB", "")).stream()
                .filter(f -> f.id().equals("vector")).findFirst().orElseThrow();
        assertEquals(Outcome.CHANGED, vector.outcome());
    }

    @Test
    void mariaDbBefore108BuildsDescendingIndexesAscending() {
        Feature descending = FlavourFeatures.lackedBy(MYSQL, MARIADB_106).stream().filter(f -> f.id().equals("descending_index"))
                .findFirst().orElseThrow();
        assertEquals(Outcome.CHANGED, descending.outcome());
        assertTrue(descending.what().contains("ascending"), descending.what());
    }

    @Test
    void mariaDbToMySqlRefusesSequencesNewTypesSystemVersioningBareExpressionDefaultsAndLongUniqueKeys() {
        Map<String, Outcome> outcomes = outcomes(FlavourFeatures.lackedBy(MARIADB_1011, MYSQL));
        assertEquals(Map.of("sequence", Outcome.REFUSED, "sequence_default", Outcome.REFUSED, "inet_uuid", Outcome.REFUSED,
                "system_versioning", Outcome.REFUSED, "compressed_column", Outcome.CHANGED, "expression_default", Outcome.REFUSED,
                "long_unique", Outcome.REFUSED, "table_options", Outcome.REFUSED, "json_text", Outcome.CHANGED), outcomes);
    }

    @Test
    void everyQueryTakesTheDatabaseListOnceAndEveryRefusedOrChangedFeatureHasAFix() {
        Stream.concat(FlavourFeatures.lackedBy(MYSQL, MARIADB_1011).stream(), FlavourFeatures.lackedBy(MARIADB_1011, MYSQL).stream())
                .forEach(f -> {
                    assertEquals(1, f.query().split("%s", -1).length - 1, f.id() + ": " + f.query());
                    assertTrue(f.query().startsWith("SELECT "), f.id());
                    assertFalse(f.what().isBlank(), f.id());
                    assertEquals(f.outcome() != Outcome.KEPT || f.probe(), !f.fix().isBlank(),
                            f.id() + " has a fix exactly when it is not kept or may be refused");
                });
    }

    private static Map<String, Outcome> outcomes(List<Feature> features) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        features.forEach(f -> out.put(f.id(), f.outcome()));
        return out;
    }
}
