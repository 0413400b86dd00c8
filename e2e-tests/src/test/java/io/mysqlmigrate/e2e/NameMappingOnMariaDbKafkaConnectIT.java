package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Object name mapping and the case policy through the real stack: a database, a table and a column renamed by
 * rules, every other name lower-cased, across the snapshot's CREATE statements and the rows, then streamed DML and
 * DDL (ADD COLUMN after a mapped column, CREATE INDEX on it, RENAME TABLE) as Debezium writes them.
 */
class NameMappingOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void rowsAndDdlLandUnderTheMappedNames() throws Exception {
        String db = "nm_shop";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE `Orders` (id INT PRIMARY KEY, `Amt` DECIMAL(10,2) NOT NULL, Note VARCHAR(20), KEY ix_amt (`Amt`))",
                "INSERT INTO Orders VALUES (1, 10.50, 'one'), (2, 20.00, NULL), (3, 30.25, 'three')",
                "CREATE TABLE Items (id INT PRIMARY KEY, Sku VARCHAR(10) NOT NULL, order_id INT, UNIQUE KEY uk_sku (Sku))",
                "INSERT INTO Items VALUES (1, 'A-1', 1), (2, 'B-2', 2)");
        try (Migration migration = new Migration(stack, "m-names", List.of(db))) {
            Map<String, String> sink = new LinkedHashMap<>(migration.sink.config());
            sink.put("name.mapping", db + "=nm_shop_v2, " + db + ".Orders=orders_2024, " + db + ".Orders.Amt=amount");
            sink.put("name.case", "lower");
            stack.rest().createOrUpdate(migration.sink.name(), sink);
            stack.rest().createOrUpdate(migration.source.name(), migration.source.config());
            stack.rest().waitUntilRunning(migration.sink.name(), Duration.ofSeconds(60));
            stack.rest().waitUntilRunning(migration.source.name(), Duration.ofSeconds(60));
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));

            stack.source().execute("USE " + db,
                    "INSERT INTO Orders VALUES (4, 40.00, 'four')",
                    "UPDATE Orders SET Amt = 11.00 WHERE id = 1",
                    "DELETE FROM Orders WHERE id = 2",
                    "ALTER TABLE Orders ADD COLUMN Extra INT NULL AFTER Amt",
                    "UPDATE Orders SET Extra = id * 100",
                    "CREATE INDEX ix_amt_extra ON " + db + ".Orders (Amt, Extra)",
                    "RENAME TABLE Items TO Items_Old",
                    "INSERT INTO Items_Old VALUES (3, 'C-3', 4)",
                    "UPDATE Items_Old SET Sku = 'A-9' WHERE id = 1");

            awaitSameRows(migration, "SELECT id, Amt, Extra, Note FROM " + db + ".Orders ORDER BY id",
                    "SELECT id, amount, extra, note FROM nm_shop_v2.orders_2024 ORDER BY id");
            awaitSameRows(migration, "SELECT id, Sku, order_id FROM " + db + ".Items_Old ORDER BY id",
                    "SELECT id, sku, order_id FROM nm_shop_v2.items_old ORDER BY id");

            try (Connection d = stack.destination().connect()) {
                assertEquals(List.of("items_old", "orders_2024"),
                        column(d, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'nm_shop_v2' ORDER BY 1"));
                assertEquals(List.of("id", "amount", "extra", "note"), column(d, "SELECT COLUMN_NAME FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'nm_shop_v2' AND TABLE_NAME = 'orders_2024' ORDER BY ORDINAL_POSITION"));
                assertEquals(List.of("ix_amt:amount", "ix_amt_extra:amount", "ix_amt_extra:extra", "PRIMARY:id"),
                        column(d, "SELECT CONCAT(INDEX_NAME, ':', COLUMN_NAME) FROM information_schema.STATISTICS "
                                + "WHERE TABLE_SCHEMA = 'nm_shop_v2' AND TABLE_NAME = 'orders_2024' ORDER BY INDEX_NAME, SEQ_IN_INDEX"));
                assertEquals(List.of(), column(d, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + db + "'"),
                        "nothing lands under the source's database name");
            }
        }
    }

    private void awaitSameRows(Migration migration, String sourceQuery, String destinationQuery) {
        migration.awaiting("the destination rows of " + destinationQuery + " equal to the source's", Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<List<String>> expected;
                    List<List<String>> actual;
                    try (Connection s = stack.source().connect(); Connection d = stack.destination().connect()) {
                        expected = rows(s, sourceQuery);
                        actual = rows(d, destinationQuery);
                    } catch (SQLException notYet) {
                        throw new AssertionError("not yet: " + notYet.getMessage()); // the table or column may not exist yet
                    }
                    assertFalse(expected.isEmpty(), "the source query returns rows");
                    assertEquals(expected, actual, "destination rows against the source's");
                });
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        return rows(c, sql).stream().map(r -> r.get(0)).toList();
    }
}
