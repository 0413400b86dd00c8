package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.checks.KeyCollisions.Group;
import io.mysqlmigrate.precheck.checks.UniqueKeyCollisionsCheck.KeyPart;
import io.mysqlmigrate.precheck.checks.UniqueKeyCollisionsCheck.SourceColumn;
import io.mysqlmigrate.precheck.checks.UniqueKeyCollisionsCheck.UniqueKey;
import io.mysqlmigrate.sink.ddl.CollationMapping;
import io.mysqlmigrate.source.phase.MigrationType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which collation a key column gets on the destination, how the source is read, and how collisions are told. */
class UniqueKeyCollisionsCheckTest {

    private static final Map<String, String> MARIADB_DEFAULTS = Map.of("utf8mb4", "utf8mb4_general_ci", "utf8mb3", "utf8mb3_general_ci");

    @Test
    void aMappedCollationIsTheDestinationsWhateverTheCaseOfTheRule() {
        CollationMapping mapping = CollationMapping.of("UTF8MB4_0900_AI_CI:utf8mb4_uca1400_nopad_ai_ci", "");
        assertEquals("utf8mb4_uca1400_nopad_ai_ci",
                UniqueKeyCollisionsCheck.destinationCollation("utf8mb4_0900_ai_ci", "utf8mb4", mapping, MARIADB_DEFAULTS));
        assertEquals("utf8mb4_bin", UniqueKeyCollisionsCheck.destinationCollation("utf8mb4_bin", "utf8mb4", mapping, MARIADB_DEFAULTS),
                "a collation without a rule stays");
    }

    @Test
    void aMappedCharacterSetWithoutACollationRuleTakesTheDestinationsDefaultOfTheNewSet() {
        CollationMapping charsetOnly = CollationMapping.of("", "utf8mb3:utf8mb4");
        assertEquals("utf8mb4_general_ci", UniqueKeyCollisionsCheck.destinationCollation("utf8mb3_unicode_ci", "utf8mb3", charsetOnly,
                MARIADB_DEFAULTS));
        CollationMapping both = CollationMapping.of("utf8mb3_unicode_ci:utf8mb4_unicode_ci", "utf8mb3:utf8mb4");
        assertEquals("utf8mb4_unicode_ci", UniqueKeyCollisionsCheck.destinationCollation("utf8mb3_unicode_ci", "utf8mb3", both,
                MARIADB_DEFAULTS), "a collation rule wins over the character set's default");
    }

    @Test
    void textAndBinaryValuesAreReadAsTheyAreOrTheirKeysPrefixAndTheRestExactly() {
        assertEquals("`name`", UniqueKeyCollisionsCheck.sourceExpression(column("name", "varchar"), null));
        assertEquals("LEFT(`body`, 10)", UniqueKeyCollisionsCheck.sourceExpression(column("body", "text"), 10L));
        assertEquals("LEFT(`b`, 8)", UniqueKeyCollisionsCheck.sourceExpression(column("b", "blob"), 8L));
        assertEquals("(`f` + 0e0)", UniqueKeyCollisionsCheck.sourceExpression(column("f", "float"), null),
                "FLOAT prints 6 digits on MariaDB: widened, distinct values stay distinct");
        assertEquals("UNIX_TIMESTAMP(`ts`)", UniqueKeyCollisionsCheck.sourceExpression(column("ts", "timestamp"), null),
                "a TIMESTAMP's text depends on the session's time zone and repeats at a DST change");
        assertEquals("`d`", UniqueKeyCollisionsCheck.sourceExpression(column("d", "decimal"), null));
    }

    @Test
    void onlyMigrationsThatCopyRowsNeedIt() {
        UniqueKeyCollisionsCheck check = new UniqueKeyCollisionsCheck();
        assertFalse(check.appliesTo(Set.of(MigrationType.SCHEMA)));
        assertTrue(check.appliesTo(Set.of(MigrationType.SCHEMA, MigrationType.FULL)));
        assertTrue(check.appliesTo(Set.of(MigrationType.INCREMENTAL)));
    }

    @Test
    void aCollisionNamesTheKeyTheChangeAndTheValuesOfEachSampledGroup() {
        UniqueKey key = new UniqueKey("shop", "tags", "uk_name", List.of(new KeyPart("name", null)));
        String text = UniqueKeyCollisionsCheck.describe(key, "name: utf8mb4_0900_ai_ci -> utf8mb4_uca1400_nopad_ai_ci",
                List.of(new Group(2, List.of(List.of("'a1'"), List.of("'a\uD83E\uDFF1' (U+0061 U+1FBF1)"))),
                        new Group(5, List.of(List.of("'x'"), List.of("'y'"), List.of("'z'"), List.of("'w'"))),
                        new Group(2, List.of())));
        assertEquals("shop.tags key uk_name (name: utf8mb4_0900_ai_ci -> utf8mb4_uca1400_nopad_ai_ci): 3 groups of 9 rows, "
                + "e.g. 'a1' = 'a\uD83E\uDFF1' (U+0061 U+1FBF1); 'x' = 'y' = 'z' = 'w' = ... (5 rows)", text);
        UniqueKey composite = new UniqueKey("shop", "tags", "PRIMARY", List.of(new KeyPart("tenant", null), new KeyPart("name", null)));
        assertTrue(UniqueKeyCollisionsCheck.describe(composite, "name: a -> b", List.of(new Group(2,
                List.of(List.of("7", "'a'"), List.of("7", "'A'"))))).endsWith("1 group of 2 rows, e.g. (7, 'a') = (7, 'A')"));
    }

    private static SourceColumn column(String name, String type) {
        return new SourceColumn(name, type, null, null, 0);
    }
}
