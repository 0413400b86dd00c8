package io.mysqlmigrate.source.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.source.selection.RowFilterSettings;
import io.mysqlmigrate.source.selection.TableName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotSelectsTest {

    private static final SqlDialect MARIADB = SqlDialect.of(ServerVersion.parse("10.11.6-MariaDB-0+deb12u1", ""));
    private static final SqlDialect MYSQL = SqlDialect.of(ServerVersion.parse("8.4.3", "MySQL Community Server"));
    private static final TableName READINGS = new TableName("lab", "readings");
    private static final Map<TableName, SnapshotSelects.Columns> FLOATS = Map.of(READINGS,
            new SnapshotSelects.Columns(List.of("id", "celsius", "note", "weight"), Set.of("celsius", "weight")));

    @Test
    void theSnapshotSelectsWithTheRowFiltersConditions() {
        Map<String, String> overrides = SnapshotSelects.overrides(RowFilterSettings.parse(
                "shop.orders WHERE amount > 10; shop.users WHERE deleted = 0 OR id < 5"), Map.of(), MARIADB);
        assertEquals("shop.orders,shop.users", overrides.get("snapshot.select.statement.overrides"));
        assertEquals("SELECT * FROM `shop`.`orders` WHERE (amount > 10)", overrides.get("snapshot.select.statement.overrides.shop.orders"));
        assertEquals("SELECT * FROM `shop`.`users` WHERE (deleted = 0 OR id < 5)",
                overrides.get("snapshot.select.statement.overrides.shop.users"));
    }

    @Test
    void onMariaDbFloatColumnsAreReadWidenedToDoubleUnderTheirOwnNames() {
        Map<String, String> overrides = SnapshotSelects.overrides(Map.of(), FLOATS, MARIADB);
        assertEquals("lab.readings", overrides.get("snapshot.select.statement.overrides"));
        assertEquals("SELECT `id`, CAST(`celsius` AS DOUBLE) AS `celsius`, `note`, CAST(`weight` AS DOUBLE) AS `weight` "
                + "FROM `lab`.`readings`", overrides.get("snapshot.select.statement.overrides.lab.readings"));
    }

    @Test
    void aFloatTableWithARowFilterGetsBoth() {
        Map<String, String> overrides = SnapshotSelects.overrides(RowFilterSettings.parse("lab.readings WHERE id > 3"), FLOATS, MARIADB);
        assertEquals("SELECT `id`, CAST(`celsius` AS DOUBLE) AS `celsius`, `note`, CAST(`weight` AS DOUBLE) AS `weight` "
                + "FROM `lab`.`readings` WHERE (id > 3)", overrides.get("snapshot.select.statement.overrides.lab.readings"));
    }

    @Test
    void onMySqlFloatColumnsAreReadWidenedToo() {
        assertEquals("SELECT `id`, CAST(`celsius` AS DOUBLE) AS `celsius`, `note`, CAST(`weight` AS DOUBLE) AS `weight` "
                + "FROM `lab`.`readings`", SnapshotSelects.overrides(Map.of(), FLOATS, MYSQL)
                .get("snapshot.select.statement.overrides.lab.readings"));
    }

    @Test
    void onAMySqlWithoutCastAsDoubleTablesAreReadAsTheyAre() {
        SqlDialect old = SqlDialect.of(ServerVersion.parse("8.0.16", "MySQL Community Server"));
        assertTrue(SnapshotSelects.overrides(Map.of(), FLOATS, old).isEmpty());
        assertEquals("SELECT * FROM `lab`.`readings` WHERE (id > 3)", SnapshotSelects.overrides(
                RowFilterSettings.parse("lab.readings WHERE id > 3"), FLOATS, old).get("snapshot.select.statement.overrides.lab.readings"));
    }
}
