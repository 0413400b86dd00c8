package io.mysqlmigrate.sink;

import static io.mysqlmigrate.sink.SinkTaskOnDestination.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys with ON DELETE / ON UPDATE actions, through the sink task into a real MariaDB destination. The
 * source is a real database too (on the same server): each statement runs there, and the change events are the
 * ones its binary log holds. MariaDB (and MySQL up to 8.4) logs only the rows a statement names, never the rows a
 * foreign key action changes; MySQL 9.7 logs those as well, before the statement's own row. After every batch the
 * destination must hold exactly the source's rows.
 */
class ForeignKeyActionsOnMariaDbIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String[] TABLES = {"p", "c_cascade", "c_setnull", "c_restrict", "c_code", "g", "tree"};
    private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("p", schema("id", "code:s"));
        SCHEMAS.put("c_cascade", schema("id", "pid"));
        SCHEMAS.put("c_setnull", schema("id", "pid"));
        SCHEMAS.put("c_restrict", schema("id", "pid"));
        SCHEMAS.put("c_code", schema("id", "pcode:s"));
        SCHEMAS.put("g", schema("id", "cid"));
        SCHEMAS.put("tree", schema("id", "parent_id"));
    }

    private static final String[] DDL = {
        "CREATE TABLE `p` (`id` int NOT NULL, `code` varchar(10) NOT NULL, PRIMARY KEY (`id`), UNIQUE KEY `uk_code` (`code`))",
        "CREATE TABLE `c_cascade` (`id` int NOT NULL, `pid` int DEFAULT NULL, PRIMARY KEY (`id`), KEY `pid` (`pid`), "
            + "CONSTRAINT `fk_cascade` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE CASCADE ON UPDATE CASCADE)",
        "CREATE TABLE `c_setnull` (`id` int NOT NULL, `pid` int DEFAULT NULL, PRIMARY KEY (`id`), KEY `pid` (`pid`), "
            + "CONSTRAINT `fk_setnull` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE SET NULL ON UPDATE SET NULL)",
        "CREATE TABLE `c_restrict` (`id` int NOT NULL, `pid` int DEFAULT NULL, PRIMARY KEY (`id`), KEY `pid` (`pid`), "
            + "CONSTRAINT `fk_restrict` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE RESTRICT ON UPDATE RESTRICT)",
        "CREATE TABLE `c_code` (`id` int NOT NULL, `pcode` varchar(10) DEFAULT NULL, PRIMARY KEY (`id`), KEY `pcode` (`pcode`), "
            + "CONSTRAINT `fk_code` FOREIGN KEY (`pcode`) REFERENCES `p` (`code`) ON DELETE CASCADE ON UPDATE CASCADE)",
        "CREATE TABLE `g` (`id` int NOT NULL, `cid` int DEFAULT NULL, PRIMARY KEY (`id`), KEY `cid` (`cid`), "
            + "CONSTRAINT `fk_g` FOREIGN KEY (`cid`) REFERENCES `c_cascade` (`id`) ON DELETE CASCADE ON UPDATE CASCADE)",
        "CREATE TABLE `tree` (`id` int NOT NULL, `parent_id` int DEFAULT NULL, PRIMARY KEY (`id`), KEY `parent_id` (`parent_id`), "
            + "CONSTRAINT `fk_tree` FOREIGN KEY (`parent_id`) REFERENCES `tree` (`id`) ON DELETE CASCADE ON UPDATE CASCADE)",
    };

    private MariaDbServer server;
    private String db;
    private String sourceDb;
    private DebeziumEvents events;
    private SinkTaskOnDestination sink;
    private Connection source;

    /** Columns named "name" (INT) or "name:s" (VARCHAR); the first is the primary key. */
    private static Schema schema(String... columns) {
        SchemaBuilder b = SchemaBuilder.struct().optional();
        for (int i = 0; i < columns.length; i++) {
            String[] c = columns[i].split(":");
            Schema type = c.length > 1 ? (i == 0 ? Schema.STRING_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA)
                    : (i == 0 ? Schema.INT32_SCHEMA : Schema.OPTIONAL_INT32_SCHEMA);
            b.field(c[0], type);
        }
        return b.build();
    }

    @BeforeEach
    void setUp() throws SQLException {
        server = SharedStack.databasesOnly().destination();
        int n = SEQUENCE.incrementAndGet();
        db = "fkdst_" + n + "_" + System.nanoTime() % 100000;
        sourceDb = "fksrc_" + n + "_" + System.nanoTime() % 100000;
        events = new DebeziumEvents("it." + db, db);
        sink = new SinkTaskOnDestination(server, "sink-it-" + db, "it." + db);
        server.execute("CREATE DATABASE " + sourceDb);
        source = server.connect(sourceDb);
        for (String ddl : DDL) {
            run(ddl);
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        source.close();
    }

    private void run(String sql) throws SQLException {
        try (Statement st = source.createStatement()) {
            st.execute(sql);
        }
    }

    private Map<String, Object> image(String table, Object id) throws SQLException {
        Schema schema = SCHEMAS.get(table);
        String key = schema.fields().get(0).name();
        try (Statement st = source.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM `" + table + "` WHERE `" + key + "` = " + literal(id))) {
            if (!rs.next()) {
                return null;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (var f : schema.fields()) {
                m.put(f.name(), rs.getObject(f.name()));
            }
            return m;
        }
    }

    private static String literal(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private String key(String table) {
        return SCHEMAS.get(table).fields().get(0).name();
    }

    /** Runs a statement on the source that names one row (by its key before and after) and returns its logged events. */
    private List<SinkRecord> statement(String table, Object id, Object newId, String sql) throws SQLException {
        Map<String, Object> before = image(table, id);
        run(sql);
        Map<String, Object> after = newId == null ? null : image(table, newId);
        Schema schema = SCHEMAS.get(table);
        if (before == null) {
            return List.of(events.row("c", table, schema, null, after, key(table)));
        }
        if (after == null) {
            return List.of(events.row("d", table, schema, before, null, key(table)));
        }
        if (id.equals(newId)) {
            return List.of(events.row("u", table, schema, before, after, key(table)));
        }
        SinkRecord deleted = events.row("d", table, schema, before, null, key(table));
        deleted.headers().addString("__debezium.newkey", "{\"" + key(table) + "\":" + literal(newId) + "}");
        SinkRecord created = events.row("c", table, schema, null, after, key(table));
        created.headers().addString("__debezium.oldkey", "{\"" + key(table) + "\":" + literal(id) + "}");
        return List.of(deleted, created);
    }

    private List<SinkRecord> insert(String table, Object id, String values) throws SQLException {
        return statement(table, id, id, "INSERT INTO `" + table + "` VALUES (" + values + ")");
    }

    private List<SinkRecord> delete(String table, Object id) throws SQLException {
        return statement(table, id, null, "DELETE FROM `" + table + "` WHERE `" + key(table) + "` = " + literal(id));
    }

    private List<SinkRecord> update(String table, Object id, Object newId, String set) throws SQLException {
        return statement(table, id, newId, "UPDATE `" + table + "` SET " + set + " WHERE `" + key(table) + "` = " + literal(id));
    }

    private List<SinkRecord> createTables() {
        List<SinkRecord> r = new ArrayList<>();
        r.add(events.ddl(false, "CREATE DATABASE `" + db + "`", null, null));
        for (int i = 0; i < DDL.length; i++) {
            String table = TABLES[i];
            r.add(events.ddl(false, DDL[i], "CREATE", table, SCHEMAS.get(table).fields().stream().map(f -> f.name()).toArray(String[]::new)));
        }
        return r;
    }

    private List<SinkRecord> initialRows() throws SQLException {
        List<SinkRecord> r = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            r.addAll(insert("p", i, i + ", '" + (char) ('A' + i - 1) + "'"));
        }
        r.addAll(insert("c_cascade", 10, "10, 1"));
        r.addAll(insert("c_cascade", 11, "11, 2"));
        r.addAll(insert("c_cascade", 12, "12, 3"));
        r.addAll(insert("c_cascade", 15, "15, 6"));
        r.addAll(insert("c_setnull", 20, "20, 1"));
        r.addAll(insert("c_setnull", 21, "21, 2"));
        r.addAll(insert("c_setnull", 22, "22, 3"));
        r.addAll(insert("c_setnull", 23, "23, 6"));
        r.addAll(insert("c_restrict", 30, "30, 4"));
        r.addAll(insert("c_restrict", 31, "31, 7"));
        r.addAll(insert("c_code", 40, "40, 'A'"));
        r.addAll(insert("c_code", 41, "41, 'B'"));
        r.addAll(insert("c_code", 42, "42, 'E'"));
        r.addAll(insert("g", 50, "50, 10"));
        r.addAll(insert("g", 51, "51, 11"));
        r.addAll(insert("g", 52, "52, 12"));
        r.addAll(insert("tree", 1, "1, NULL"));
        r.addAll(insert("tree", 2, "2, 1"));
        r.addAll(insert("tree", 3, "3, 2"));
        r.addAll(insert("tree", 4, "4, 1"));
        r.addAll(insert("tree", 5, "5, NULL"));
        r.addAll(insert("tree", 6, "6, 5"));
        return r;
    }

    private String rows(String database, String table) throws SQLException {
        String columns = String.join(", ", SCHEMAS.get(table).fields().stream().map(f -> "IFNULL(`" + f.name() + "`, 'NULL')").toList());
        try (Connection c = server.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT GROUP_CONCAT(CONCAT_WS(':', " + columns + ") ORDER BY 1) FROM `" + database + "`.`"
                     + table + "`")) {
            rs.next();
            return table + " " + rs.getString(1);
        }
    }

    private void assertDestinationEqualsSource() throws SQLException {
        for (String table : TABLES) {
            assertEquals(rows(sourceDb, table), rows(db, table));
        }
    }

    /** Every action, as MariaDB logs it: the statements' own rows only, all in one batch (one source transaction each). */
    private void actionsRunOnTheDestination(String maxRows) throws SQLException {
        MigrationSinkTask task = sink.start(new RecordingSinkTaskContext(), MigrationSinkConfig.BATCH_MAX_ROWS, maxRows);
        List<SinkRecord> first = createTables();
        first.addAll(initialRows());
        deliver(task, first);
        assertDestinationEqualsSource();

        List<SinkRecord> batch = new ArrayList<>();
        // a child (and grandchild) inserted just before its parent is deleted: ON DELETE CASCADE two levels down,
        // SET NULL, and a cascade through the referenced unique column
        batch.addAll(insert("c_cascade", 13, "13, 1"));
        batch.addAll(insert("g", 53, "53, 13"));
        batch.addAll(delete("p", 1));
        // the parent's key updated: ON UPDATE CASCADE and SET NULL
        batch.addAll(update("p", 2, 20, "id = 20"));
        // a referenced unique column updated: ON UPDATE CASCADE through it
        batch.addAll(update("p", 5, 5, "code = 'Z'"));
        // RESTRICT: the child goes first, then the parent; the other RESTRICT parent keeps its child
        batch.addAll(delete("c_restrict", 30));
        batch.addAll(delete("p", 4));
        batch.addAll(update("c_restrict", 31, 31, "pid = 7"));
        // a self-referencing table: a subtree deleted; a leaf's key updated (InnoDB refuses ON UPDATE CASCADE
        // into the same table, so a node with children cannot change its key on the source either)
        batch.addAll(delete("tree", 2));
        batch.addAll(update("tree", 4, 40, "id = 40"));
        // a child's key updated under its own children (the second level of ON UPDATE CASCADE)
        batch.addAll(update("c_cascade", 11, 110, "id = 110"));
        // a deleted parent's key reused, with a new child
        batch.addAll(insert("p", 1, "1, 'A'"));
        batch.addAll(insert("c_cascade", 14, "14, 1"));
        batch.addAll(insert("c_code", 43, "43, 'A'"));
        deliver(task, batch);
        assertDestinationEqualsSource();

        // one statement deleting several parents, and several self-referencing rows (one a child of another)
        List<SinkRecord> multi = new ArrayList<>();
        multi.addAll(delete("p", 3));
        multi.addAll(delete("p", 20));
        multi.addAll(delete("tree", 6));
        multi.addAll(delete("tree", 5));
        deliver(task, multi);
        task.stop();
        assertDestinationEqualsSource();
    }

    @Test
    void eachActionChangesTheDestinationAsTheSourceInMultiRowStatements() throws SQLException {
        actionsRunOnTheDestination("1000");
    }

    @Test
    void eachActionChangesTheDestinationAsTheSourceInSmallStatements() throws SQLException {
        actionsRunOnTheDestination("2");
    }

    @Test
    void childChangesLoggedBeforeTheParentsAsMySql97DoesApplyOnce() throws SQLException {
        MigrationSinkTask task = sink.start(new RecordingSinkTaskContext(), MigrationSinkConfig.BATCH_MAX_ROWS, "1000");
        List<SinkRecord> first = createTables();
        first.addAll(initialRows());
        deliver(task, first);

        List<SinkRecord> batch = new ArrayList<>();
        // DELETE FROM p WHERE id = 6: the cascaded child delete and SET NULL update are logged first, then the parent
        Map<String, Object> child = image("c_cascade", 15);
        Map<String, Object> nulled = image("c_setnull", 23);
        Map<String, Object> nulledAfter = new LinkedHashMap<>(nulled);
        nulledAfter.put("pid", null);
        batch.add(events.row("d", "c_cascade", SCHEMAS.get("c_cascade"), child, null, "id"));
        batch.add(events.row("u", "c_setnull", SCHEMAS.get("c_setnull"), nulled, nulledAfter, "id"));
        batch.addAll(delete("p", 6));
        // UPDATE p SET id = 30 WHERE id = 3: the cascaded child updates logged first, then the parent's key change
        Map<String, Object> moved = image("c_cascade", 12);
        Map<String, Object> movedAfter = new LinkedHashMap<>(moved);
        movedAfter.put("pid", 30);
        Map<String, Object> nulled3 = image("c_setnull", 22);
        Map<String, Object> nulled3After = new LinkedHashMap<>(nulled3);
        nulled3After.put("pid", null);
        batch.add(events.row("u", "c_cascade", SCHEMAS.get("c_cascade"), moved, movedAfter, "id"));
        batch.add(events.row("u", "c_setnull", SCHEMAS.get("c_setnull"), nulled3, nulled3After, "id"));
        batch.addAll(update("p", 3, 30, "id = 30"));
        deliver(task, batch);
        task.stop();
        assertDestinationEqualsSource();
    }
}
