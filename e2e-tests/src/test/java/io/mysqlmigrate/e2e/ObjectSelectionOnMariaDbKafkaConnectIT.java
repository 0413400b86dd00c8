package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Object selection through the real stack (source and destination MariaDB, Kafka, Connect): an excluded table, an
 * excluded column, a row filter that must hold identically in the snapshot and in the stream (rows entering and
 * leaving the condition through updates, a case-insensitive collation), and a per-table operation filter.
 */
class ObjectSelectionOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void onlyTheSelectedTablesColumnsRowsAndOperationsArrive() throws Exception {
        String db = "sel_shop";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE orders (id INT PRIMARY KEY, amount DECIMAL(10,2), status VARCHAR(10) COLLATE utf8mb4_general_ci, "
                        + "secret VARCHAR(20))",
                "INSERT INTO orders VALUES (1, 50, 'paid', 's1'), (2, 150, 'paid', 's2'), (3, 200, 'VOID', 's3'), (4, 300, 'paid', 's4')",
                "CREATE TABLE audit (id INT PRIMARY KEY, msg VARCHAR(20))",
                "CREATE TABLE skipme (id INT PRIMARY KEY)", "INSERT INTO skipme VALUES (1)");
        try (Migration migration = new Migration(stack, "m-select", List.of(db))) {
            Map<String, String> source = new LinkedHashMap<>();
            source.put("tables.exclude", db + "\\.skipme");
            source.put("columns.exclude", db + "\\.orders\\.secret");
            source.put("row.filters", db + ".orders WHERE amount >= 100 AND status <> 'void'");
            source.put("incremental.operations", db + ".audit=insert");
            migration.start(source, Map.of());
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', id, amount, IFNULL(secret, '-')) FROM " + db + ".orders ORDER BY id",
                    List.of("2:150.00:-", "4:300.00:-"));

            stack.source().execute("USE " + db,
                    "INSERT INTO orders VALUES (5, 500, 'paid', 's5')",
                    "INSERT INTO orders VALUES (6, 10, 'paid', 's6')",
                    "UPDATE orders SET amount = 600 WHERE id = 6",
                    "UPDATE orders SET status = 'Void' WHERE id = 2",
                    "UPDATE orders SET amount = 301 WHERE id = 4",
                    "UPDATE orders SET amount = 20 WHERE id = 1",
                    "DELETE FROM orders WHERE id = 3",
                    "INSERT INTO audit VALUES (1, 'a'), (2, 'b')",
                    "UPDATE audit SET msg = 'changed' WHERE id = 1",
                    "DELETE FROM audit WHERE id = 2",
                    "INSERT INTO skipme VALUES (2)",
                    "INSERT INTO audit VALUES (3, 'last')");

            migration.awaitDestinationRows("SELECT CONCAT_WS(':', id, msg) FROM " + db + ".audit ORDER BY id", List.of("1:a", "2:b", "3:last"));
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', id, amount, IFNULL(secret, '-')) FROM " + db + ".orders ORDER BY id",
                    List.of("4:301.00:-", "5:500.00:-", "6:600.00:-"));
            try (Connection d = stack.destination().connect()) {
                assertEquals(List.of("audit", "orders"), QueryRows.strings(d, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                        + db + "' ORDER BY 1"), "the excluded table never reaches the destination");
            }
        }
    }

    @Test
    void aRowFilterTheStreamCannotEvaluateIsRefusedAtValidationNamingTableAndCondition() {
        try (Migration migration = new Migration(stack, "m-select-bad", List.of("sel_bad"))) {
            Map<String, String> config = new LinkedHashMap<>(migration.source.config());
            config.put("name", migration.source.name());
            config.put("row.filters", "sel_bad.orders WHERE created > NOW() - INTERVAL 1 DAY");
            JsonNode result = stack.rest().validate(config.get("connector.class"), config);
            String errors = null;
            for (JsonNode c : result.path("configs")) {
                if (c.path("value").path("name").asText().equals("row.filters")) {
                    errors = c.path("value").path("errors").toString();
                }
            }
            assertTrue(errors != null && errors.contains("sel_bad.orders") && errors.contains("created > NOW()"), String.valueOf(errors));
            assertEquals(1, result.path("error_count").asInt(), "only row.filters is wrong; its errors: " + errors);
        }
    }
}
