package io.mysqlmigrate.precheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements one side is read with: range bounds on composite keys, the row filter, lookups by key. */
class SideSqlTest {

    private static final List<TableChecksum.Column> COLUMNS = List.of(new TableChecksum.Column("a", "int"),
            new TableChecksum.Column("b", "varchar"), new TableChecksum.Column("f", "float"));

    private static RowKey key(Object... values) {
        return new RowKey(List.of(values), List.of(values).stream().map(String::valueOf).toList());
    }

    @Test
    void aCompositeKeyRangeIsSpelledOutColumnByColumn() {
        SideSql sql = new SideSql("`d`.`t`", List.of("a", "b"), COLUMNS, null);
        SideSql.Where w = sql.where(new KeyRange(key(1, "x"), key(5, "y")));
        assertEquals(" WHERE (`a` > ? OR (`a` = ? AND (`b` > ?))) AND (`a` < ? OR (`a` = ? AND (`b` <= ?)))", w.sql());
        assertEquals(List.of(1, 1, "x", 5, 5, "y"), w.params());
    }

    @Test
    void aSingleColumnKeyHasPlainBoundsAndOpenEnds() {
        SideSql sql = new SideSql("`d`.`t`", List.of("a"), COLUMNS, null);
        assertEquals(" WHERE (`a` > ?)", sql.where(new KeyRange(key(7), null)).sql());
        assertEquals(" WHERE (`a` <= ?)", sql.where(new KeyRange(null, key(9))).sql());
        assertEquals("", sql.where(KeyRange.ALL).sql());
    }

    @Test
    void theSourcesRowFilterIsAndedToRangesAndLookups() {
        SideSql sql = new SideSql("`d`.`t`", List.of("a"), COLUMNS, "region = 'eu' OR a < 3");
        assertEquals(" WHERE (`a` > ?) AND (region = 'eu' OR a < 3)", sql.where(new KeyRange(key(7), null)).sql());
        SideSql.Where lookup = sql.rowsByKeys(List.of(key(1), key(2)));
        assertTrue(lookup.sql().endsWith(" WHERE (`a` = ? OR `a` = ?) AND (region = 'eu' OR a < 3)"), lookup.sql());
        assertEquals(List.of(1, 2), lookup.params());
    }

    @Test
    void compositeLookupsGroupEachKey() {
        SideSql sql = new SideSql("`d`.`t`", List.of("a", "b"), COLUMNS, null);
        SideSql.Where lookup = sql.rowsByKeys(List.of(key(1, "x"), key(2, "y")));
        assertTrue(lookup.sql().endsWith(" WHERE ((`a` = ? AND `b` = ?) OR (`a` = ? AND `b` = ?))"), lookup.sql());
    }

    @Test
    void rowsHashEveryColumnExactlyAndOrderByTheKey() {
        SideSql sql = new SideSql("`d`.`t`", List.of("a"), COLUMNS, null);
        String rows = sql.rows(KeyRange.ALL).sql();
        assertTrue(rows.contains("IFNULL(HEX(CAST(IF(CAST(`f` AS DOUBLE) = 0, '0', CONCAT(IF(CAST(`f` AS DOUBLE) < 0, '-', '+'), "),
                "a FLOAT is hashed as sign, binary exponent and mantissa: " + rows);
        assertTrue(rows.contains("IFNULL(HEX(CAST(`b` AS BINARY)), 'NULL')"), rows);
        String values = sql.valuesByKeys(List.of(key(1))).sql();
        assertTrue(values.contains("HEX(CAST(CAST(`f` AS DOUBLE) AS BINARY))"), "repair values stay text a server parses: " + values);
        assertTrue(rows.startsWith("SELECT `a`, HEX(CAST(`a` AS BINARY)), SHA2(CONCAT_WS('|', "), rows);
        assertTrue(rows.endsWith(" FROM `d`.`t` ORDER BY `a`"), rows);
        assertTrue(sql.keyAt(KeyRange.ALL).sql().endsWith(" ORDER BY `a` LIMIT 1 OFFSET ?"));
    }
}
