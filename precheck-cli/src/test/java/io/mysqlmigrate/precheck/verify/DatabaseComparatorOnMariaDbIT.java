package io.mysqlmigrate.precheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The comparator against two real MariaDB servers (source and destination of the harness). */
class DatabaseComparatorOnMariaDbIT {

    private static int sequence;
    private MariaDbServer source;
    private MariaDbServer destination;
    private String db;

    @BeforeEach
    void createIdenticalTables() {
        source = SharedStack.databasesOnly().source();
        destination = SharedStack.databasesOnly().destination();
        db = "cmp_" + (++sequence) + "_" + System.nanoTime() % 100000;
        for (MariaDbServer s : List.of(source, destination)) {
            s.execute("CREATE DATABASE " + db,
                    "CREATE TABLE " + db + ".t (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) CHARACTER SET utf8mb4, "
                            + "price DECIMAL(10,2), b BLOB, d DATETIME(6), f DOUBLE)",
                    "INSERT INTO " + db + ".t (name, price, b, d, f) VALUES ('a😀', 1.50, x'00ff00', '2024-01-02 03:04:05.000006', 0.1), "
                            + "(NULL, NULL, NULL, NULL, NULL), ('', 0, x'', '0001-01-01 00:00:00', -0.0)");
        }
    }

    private List<TableComparison> compare() throws Exception {
        try (Connection s = source.connect(); Connection d = destination.connect()) {
            return DatabaseComparator.compare(s, d, List.of(db));
        }
    }

    @Test
    void identicalTablesMatchEvenWithDifferentAutoIncrementCounters() throws Exception {
        destination.execute("ALTER TABLE " + db + ".t AUTO_INCREMENT = 1000");
        List<TableComparison> results = compare();
        assertEquals(1, results.size());
        assertTrue(DatabaseComparator.allMatch(results), results.get(0).describe());
    }

    @Test
    void oneChangedValueIsCaught() throws Exception {
        destination.execute("UPDATE " + db + ".t SET d = '2024-01-02 03:04:05.000007' WHERE id = 1");
        assertFalse(DatabaseComparator.allMatch(compare()));
    }

    @Test
    void aFloatDifferenceBeyondSixDigitsIsCaught() throws Exception {
        for (MariaDbServer s : List.of(source, destination)) {
            s.execute("CREATE TABLE " + db + ".fl (id INT PRIMARY KEY, f FLOAT)", "INSERT INTO " + db + ".fl VALUES (1, 1.0000001)");
        }
        destination.execute("UPDATE " + db + ".fl SET f = 1.0000002 WHERE id = 1");
        assertFalse(DatabaseComparator.allMatch(compare()));
    }

    @Test
    void nullVersusEmptyIsCaught() throws Exception {
        destination.execute("UPDATE " + db + ".t SET name = '' WHERE id = 2");
        assertFalse(DatabaseComparator.allMatch(compare()));
    }

    @Test
    void aMissingRowIsCaught() throws Exception {
        destination.execute("DELETE FROM " + db + ".t WHERE id = 3");
        List<TableComparison> results = compare();
        assertFalse(DatabaseComparator.allMatch(results));
        assertEquals(db + ".t: rows 3 vs 2", results.get(0).describe());
    }

    @Test
    void aDifferentDefinitionIsCaught() throws Exception {
        destination.execute("ALTER TABLE " + db + ".t MODIFY name VARCHAR(21) CHARACTER SET utf8mb4");
        assertTrue(compare().get(0).describe().contains("definitions differ"));
    }

    @Test
    void aTableMissingOnTheDestinationIsCaught() throws Exception {
        source.execute("CREATE TABLE " + db + ".extra (id INT PRIMARY KEY)");
        List<TableComparison> results = compare();
        assertEquals(2, results.size());
        assertEquals(db + ".extra: missing on the destination", results.get(0).describe());
    }
}
