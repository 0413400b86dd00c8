package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * servers.generated_invisible_primary_keys on what only MySQL 8.0.30+ can have: the test servers are MariaDB, which has
 * no sql_generate_invisible_primary_key (its live PASS is InvisibleColumnsOnMariaDbIT). Each warning is followed by the
 * state its fix leads to, which passes.
 */
class GeneratedInvisiblePrimaryKeyCheckTest {

    private final GeneratedInvisiblePrimaryKeyCheck check = new GeneratedInvisiblePrimaryKeyCheck();

    @Test
    void aSourceTableKeyedByAGeneratedRowIdWarnsUntilTheKeyIsMadeVisible() {
        CheckResult warned = check.decide("OFF", "OFF", List.of(List.of("shop", "log")), List.of());
        assertEquals(Status.WARN, warned.status(), warned.found());
        assertEquals("sql_generate_invisible_primary_key: source OFF, destination OFF; source tables keyed by a generated "
                + "invisible my_row_id: shop.log", warned.found());
        assertTrue(warned.fix().startsWith("ALTER TABLE `shop`.`log` ALTER COLUMN my_row_id SET VISIBLE"), warned.fix());
        // Once visible, information_schema no longer lists my_row_id as invisible: nothing is generated any more.
        assertEquals(Status.PASS, check.decide("OFF", "OFF", List.of(), List.of()).status());
    }

    @Test
    void aDestinationGeneratingKeysForKeylessTablesWarnsUntilTheSettingIsOff() {
        CheckResult warned = check.decide("OFF", "ON", List.of(), List.of("shop.nokey"));
        assertEquals(Status.WARN, warned.status(), warned.found());
        assertTrue(warned.found().endsWith("would add a my_row_id key to tables the source has without a primary key: shop.nokey"),
                warned.found());
        assertEquals("SET GLOBAL sql_generate_invisible_primary_key = OFF (on the destination, before the schema is migrated).",
                warned.fix());
        assertEquals(Status.PASS, check.decide("OFF", "OFF", List.of(), List.of("shop.nokey")).status(),
                "with the setting off, keyless tables stay keyless");
        assertEquals(Status.PASS, check.decide("OFF", "ON", List.of(), List.of()).status(), "every table has a key");
    }
}
