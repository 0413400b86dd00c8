package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.sink.ddl.CollationMapping;
import io.mysqlmigrate.sink.ddl.DdlNameRewriter;
import io.mysqlmigrate.sink.naming.NameMapping;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.SharedStack;
import io.mysqlmigrate.stack.StackException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * destination.flavour_features in both directions on real servers (MySQL 9.7, MariaDB 10.11). Each object the check
 * classifies is also created on the other flavour from the source's own SHOW CREATE TABLE, adapted as the sink adapts it,
 * so the test holds the classification to what the destination really does with it.
 */
class CrossFlavourFeaturesOnMySqlAndMariaDbIT {

    private static final String MYSQL_TO_MARIADB = "utf8mb4_0900_ai_ci:utf8mb4_uca1400_nopad_ai_ci";

    @Test
    void mySqlToMariaDbFailsOnFunctionalIndexesAndWarnsOnWhatChanges() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        DatabaseServer source = stack.server(Flavour.MYSQL, SharedStack.Role.SOURCE);
        DatabaseServer destination = stack.destination();
        String db = CheckRuns.newDatabase(source, "xfmy");
        source.execute("CREATE TABLE " + db + ".docs (id INT PRIMARY KEY, doc JSON)",
                "CREATE TABLE " + db + ".fidx (id INT PRIMARY KEY, name VARCHAR(20), KEY ix_lower ((lower(name))))",
                "CREATE TABLE " + db + ".didx (id INT PRIMARY KEY, n INT, KEY ix_desc (n DESC))",
                "CREATE TABLE " + db + ".checked (id INT PRIMARY KEY, n INT, CONSTRAINT positive CHECK (n > 0), "
                        + "CONSTRAINT small CHECK (n < 100) NOT ENFORCED)",
                "CREATE TABLE " + db + ".defaults (id INT PRIMARY KEY, due DATE DEFAULT (curdate() + INTERVAL 1 DAY))",
                "CREATE TABLE " + db + ".uuids (id INT PRIMARY KEY, u BINARY(16) DEFAULT (uuid_to_bin(uuid())))",
                "CREATE TABLE " + db + ".embeddings (id INT PRIMARY KEY, v VECTOR(3))",
                "CREATE TABLE " + db + ".places (id INT PRIMARY KEY, p POINT NOT NULL SRID 4326)",
                "CREATE TABLE " + db + ".hidden (id INT PRIMARY KEY, secret INT INVISIBLE)",
                "CREATE TABLE " + db + ".plain (id INT PRIMARY KEY, v VARCHAR(10))");

        CheckResult result = CheckRuns.run(new CrossFlavourFeaturesCheck(), CheckRuns.source(source, db), CheckRuns.sink(destination));
        assertEquals(Status.FAIL, result.status(), result.found());
        String found = result.found();
        assertTrue(found.startsWith("MySQL 9.7."), found);
        assertTrue(found.contains("refused by the destination: functional key parts (indexes on expressions): " + db
                + ".fidx index ix_lower (lower(`name`))"), found);
        assertTrue(found.contains("VECTOR columns: " + db + ".embeddings.v (vector(3))"), found);
        assertTrue(found.contains("expression defaults the destination cannot evaluate: " + db + ".uuids.u (uuid_to_bin(uuid()))"
                + " (it refuses them: FUNCTION"), found);
        assertTrue(found.contains("changed on the destination: JSON columns: " + db + ".docs.doc (json)"), found);
        assertTrue(found.contains("CHECK constraints declared NOT ENFORCED: " + db + ".checked constraint small (NO)"), found);
        assertTrue(found.contains("spatial columns restricted to an SRID: " + db + ".places.p (4326)"), found);
        assertTrue(found.contains("kept: descending index parts: " + db + ".didx index ix_desc (n)"), found);
        assertTrue(found.contains("CHECK constraints: " + db + ".checked constraint positive (YES)"), found);
        assertTrue(found.contains("expression defaults: " + db + ".defaults.due ((curdate() + interval 1 day))"), found);
        assertTrue(found.contains("invisible columns: " + db + ".hidden.secret"), found);
        assertFalse(found.contains(db + ".plain"), found);
        assertTrue(result.fix().contains("VIRTUAL, ADD INDEX"), result.fix());

        // What the destination really does with each, from the source's own text as the sink adapts it.
        destination.execute("CREATE DATABASE " + db);
        assertThrows(StackException.class, () -> replay(source, destination, db, "fidx"), "functional index refused");
        assertThrows(StackException.class, () -> replay(source, destination, db, "uuids"), "no UUID_TO_BIN in MariaDB");
        assertThrows(StackException.class, () -> replay(source, destination, db, "embeddings"), "no VECTOR in MariaDB 10.11");
        assertTrue(replay(source, destination, db, "docs").contains("CHECK (json_valid(`doc`))"), "JSON becomes LONGTEXT with a CHECK");
        assertTrue(replay(source, destination, db, "didx").contains("`n` DESC"), "MariaDB 10.11 keeps DESC");
        String checked = replay(source, destination, db, "checked");
        destination.execute("INSERT INTO " + db + ".checked VALUES (1, 5)");
        StackException enforced = assertThrows(StackException.class, () -> destination.execute("INSERT INTO " + db + ".checked VALUES (2, 500)"),
                "NOT ENFORCED is lost: " + checked);
        assertTrue(enforced.getMessage().contains("small"), enforced.getMessage());
        assertTrue(replay(source, destination, db, "defaults").contains("curdate()"), "the expression default is kept");
        assertFalse(replay(source, destination, db, "places").contains("4326"), "the SRID restriction is dropped");
        assertTrue(replay(source, destination, db, "hidden").contains("INVISIBLE"), "INVISIBLE is kept");

        // Left out of the selection, the refused table no longer fails the check.
        CheckResult without = CheckRuns.run(new CrossFlavourFeaturesCheck(), CheckRuns.source(source, db,
                MigrationSourceConfig.TABLES_EXCLUDE, db + "\\.(fidx|uuids|embeddings)"), CheckRuns.sink(destination));
        assertEquals(Status.WARN, without.status(), without.found());
    }

    @Test
    void mariaDbToMySqlFailsOnSequencesNewTypesSystemVersioningAndAria() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        DatabaseServer source = stack.source();
        DatabaseServer destination = stack.server(Flavour.MYSQL, SharedStack.Role.DESTINATION);
        String db = CheckRuns.newDatabase(source, "xfma");
        source.execute("CREATE SEQUENCE " + db + ".seq START WITH 10",
                "CREATE TABLE " + db + ".numbered (id INT PRIMARY KEY DEFAULT (NEXT VALUE FOR " + db + ".seq))",
                "CREATE TABLE " + db + ".addresses (id INT PRIMARY KEY, u UUID, ip INET6)",
                "CREATE TABLE " + db + ".history (id INT PRIMARY KEY, n INT) WITH SYSTEM VERSIONING",
                "CREATE TABLE " + db + ".packed (id INT PRIMARY KEY, b BLOB COMPRESSED)",
                "CREATE TABLE " + db + ".aria (id INT PRIMARY KEY) ENGINE=Aria",
                "CREATE TABLE " + db + ".defaults (id INT PRIMARY KEY, r DOUBLE DEFAULT (rand()), d DATE DEFAULT (curdate() + INTERVAL 1 DAY), "
                        + "s VARCHAR(10) DEFAULT 'lit', n INT DEFAULT 5, ts TIMESTAMP DEFAULT CURRENT_TIMESTAMP)",
                "CREATE TABLE " + db + ".texts (id INT PRIMARY KEY, body TEXT, UNIQUE KEY uk_body (body))",
                "CREATE TABLE " + db + ".docs (id INT PRIMARY KEY, doc JSON)",
                "CREATE TABLE " + db + ".squeezed (id INT PRIMARY KEY) PAGE_COMPRESSED=1",
                "CREATE TABLE " + db + ".plain (id INT PRIMARY KEY, v VARCHAR(10))");

        CheckResult result = CheckRuns.run(new CrossFlavourFeaturesCheck(), CheckRuns.source(source, db), CheckRuns.sink(destination));
        assertEquals(Status.FAIL, result.status(), result.found());
        String found = result.found();
        assertTrue(found.startsWith("MariaDB 10.11."), found);
        assertTrue(found.contains("SEQUENCE objects: " + db + ".seq (SEQUENCE)"), found);
        assertTrue(found.contains("columns defaulting to a sequence's next value: " + db + ".numbered.id"), found);
        assertTrue(found.contains("INET4, INET6 and UUID columns: " + db + ".addresses.u (uuid), " + db + ".addresses.ip (inet6)"), found);
        assertTrue(found.contains("system-versioned tables: " + db + ".history (SYSTEM VERSIONED)"), found);
        assertTrue(found.contains("storage engines the destination does not have: " + db + ".aria (ENGINE=Aria)"), found);
        assertTrue(found.contains("expression defaults without parentheses: " + db + ".defaults.r (rand())"), found);
        assertFalse(found.contains(db + ".defaults.d") || found.contains(db + ".defaults.s") || found.contains(db + ".defaults.n")
                || found.contains(db + ".defaults.ts"), "parenthesized expressions, literals and CURRENT_TIMESTAMP pass: " + found);
        assertTrue(found.contains("unique keys over whole BLOB/TEXT values (MariaDB's hash-based long unique keys): " + db
                + ".texts index uk_body (body)"), found);
        assertTrue(found.contains("MariaDB's InnoDB table options (PAGE_COMPRESSED, ENCRYPTED, ...): " + db
                + ".squeezed (`PAGE_COMPRESSED`='1')"), found);
        assertTrue(found.contains("changed on the destination: compressed columns: " + db + ".packed.b"), found);
        assertTrue(found.contains("JSON columns (LONGTEXT with CHECK (json_valid(...))): " + db + ".docs.doc (json_valid(`doc`))"), found);
        assertFalse(found.contains(db + ".plain"), found);
        assertTrue(result.fix().contains("DROP SYSTEM VERSIONING") && result.fix().contains("ENGINE=InnoDB")
                && result.fix().contains("PAGE_COMPRESSED=DEFAULT"), result.fix());

        destination.execute("CREATE DATABASE " + db);
        assertThrows(StackException.class, () -> replay(source, destination, db, "seq"), "no sequences in MySQL");
        assertThrows(StackException.class, () -> replay(source, destination, db, "numbered"), "no NEXT VALUE FOR in MySQL");
        assertThrows(StackException.class, () -> replay(source, destination, db, "addresses"), "no UUID or INET6 in MySQL");
        assertThrows(StackException.class, () -> replay(source, destination, db, "history"), "no system versioning in MySQL");
        assertThrows(StackException.class, () -> replay(source, destination, db, "aria"), "no Aria in MySQL");
        assertThrows(StackException.class, () -> replay(source, destination, db, "defaults"), "MySQL wants DEFAULT (rand())");
        assertThrows(StackException.class, () -> replay(source, destination, db, "texts"), "MySQL wants a prefix");
        assertThrows(StackException.class, () -> replay(source, destination, db, "squeezed"), "no PAGE_COMPRESSED in MySQL");
        source.execute("ALTER TABLE " + db + ".squeezed PAGE_COMPRESSED=DEFAULT"); // the fix the check gives
        replay(source, destination, db, "squeezed");
        assertFalse(replay(source, destination, db, "packed").toUpperCase().contains("COMPRESSED"), "stored uncompressed on MySQL");
        assertTrue(replay(source, destination, db, "docs").contains("longtext"), "MariaDB's JSON stays LONGTEXT on MySQL");

        CheckResult sameFlavour = CheckRuns.run(new CrossFlavourFeaturesCheck(), CheckRuns.source(source, db), CheckRuns.sink(stack.destination()));
        assertEquals(Status.PASS, sameFlavour.status(), sameFlavour.found());
        assertTrue(sameFlavour.found().endsWith("one flavour, nothing one has and the other lacks"), sameFlavour.found());
    }

    /**
     * Creates a source table on the destination from the source's SHOW CREATE TABLE, adapted as the sink adapts DDL
     * for the destination (in a session with the sink's sql_mode); returns the destination's SHOW CREATE TABLE.
     */
    private static String replay(DatabaseServer source, DatabaseServer destination, String db, String table) throws Exception {
        String create;
        try (Connection c = source.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + table)) {
            rs.next();
            create = rs.getString(2);
        }
        try (Connection c = destination.connect(db); Statement st = c.createStatement()) {
            // As the sink writes it: collations through the mapping, then the destination's versioned clauses.
            String mapped = new DdlNameRewriter(NameMapping.IDENTITY, CollationMapping.of(MYSQL_TO_MARIADB, ""))
                    .rewrite(create, db, source.flavour(), Map.of());
            String adapted = SqlDialect.of(ServerVersion.detect(c)).versionedClauses(mapped);
            st.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION'");
            try {
                st.execute(adapted);
            } catch (java.sql.SQLException e) {
                throw new StackException(destination.flavour() + " refused " + adapted + ": " + e.getMessage(), e);
            }
            try (ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + table)) {
                rs.next();
                return rs.getString(2);
            }
        }
    }
}
