package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Precheck;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The assess.values.* checks on the shared MariaDB source: a database holding every kind of value the type-fidelity
 * corpus found the capture changes or cannot carry (written in a session with sql_mode '' where the server would
 * refuse them), plus an excluded table, an excluded column, a generated column and a row-filtered table that must not
 * be counted. Each check names every column with its rows; the statements of its fix, run as the text gives them (in a
 * TRADITIONAL session, which refuses zero dates, with the placeholders filled in), make it pass without touching what
 * they should keep. A clean database passes, and each check runs only for the migration types it matters to.
 */
class CapturedValuesOnMariaDbIT {

    private static final Pattern STATEMENT = Pattern.compile("(?:UPDATE|ALTER TABLE) [^;]+");

    private static Map<String, CheckResult> runFamily(Map<String, String> source, Map<String, String> sink) throws Exception {
        try (CheckContext ctx = CheckContext.open("checks-source", source, sink)) {
            Map<String, CheckResult> byId = new LinkedHashMap<>();
            Precheck.run(ctx, CapturedValuesCheck.family()).forEach(r -> byId.put(r.id(), r));
            return byId;
        }
    }

    private static List<String> statements(String fix) {
        List<String> out = new ArrayList<>();
        Matcher m = STATEMENT.matcher(fix);
        while (m.find()) {
            out.add(m.group().trim().replace("<a valid date>", "'2000-01-01'").replace("<a valid datetime>", "'2000-01-01 00:00:00'")
                    .replace("<a valid year>", "2000"));
        }
        return out;
    }

    private static String one(MariaDbServer server, String sql) throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void everyKindOfValueIsNamedWithItsRowsUntilTheFixRuns() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        MariaDbServer source = stack.source();
        String db = CheckRuns.newDatabase(source, "values");
        source.execute("SET SESSION sql_mode = ''",
                "CREATE TABLE " + db + ".dates (id INT PRIMARY KEY, d DATE NULL, dn DATE NOT NULL, dt DATETIME NULL, "
                        + "dtn DATETIME(6) NOT NULL, skip DATE NULL, dg DATE AS (d) VIRTUAL, "
                        + "upd TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP)",
                "INSERT INTO " + db + ".dates (id, d, dn, dt, dtn, skip, upd) VALUES "
                        + "(1, '0000-00-00', '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00', '0000-00-00', '2001-02-03 04:05:06'), "
                        + "(2, '2020-00-15', '2020-05-00', '2020-00-00 10:00:00', '2020-01-01 00:00:00', NULL, '2001-02-03 04:05:06'), "
                        + "(3, '2020-01-01', '2020-01-01', '2020-01-01 00:00:00', '2020-01-01 00:00:00', NULL, '2001-02-03 04:05:06'), "
                        + "(4, '0000-06-15', '2020-01-01', NULL, '2020-01-01 00:00:00', NULL, '2001-02-03 04:05:06')",
                "CREATE TABLE " + db + ".filtered (id INT PRIMARY KEY, d DATE NULL)",
                "INSERT INTO " + db + ".filtered VALUES (1, '0000-00-00'), (2, '0000-00-00'), (100, '0000-00-00')",
                "CREATE TABLE " + db + ".skipped (id INT PRIMARY KEY, d DATE NULL, y YEAR)",
                "INSERT INTO " + db + ".skipped VALUES (1, '0000-00-00', 0)",
                "CREATE TABLE " + db + ".ts (id INT PRIMARY KEY, ts TIMESTAMP NULL DEFAULT NULL, "
                        + "tsn TIMESTAMP NOT NULL DEFAULT '0000-00-00 00:00:00')",
                "INSERT INTO " + db + ".ts VALUES (1, '0000-00-00 00:00:00', '0000-00-00 00:00:00'), (2, NULL, '2000-01-01 00:00:00'), "
                        + "(3, '2000-01-01 00:00:00', '2000-01-01 00:00:00')",
                "CREATE TABLE " + db + ".years (id INT PRIMARY KEY, y YEAR NULL, yn YEAR NOT NULL)",
                "INSERT INTO " + db + ".years VALUES (1, 0, 0), (2, 2000, 2000), (3, NULL, 1901)",
                "CREATE TABLE " + db + ".texts (id INT PRIMARY KEY, c VARCHAR(20) CHARACTER SET latin1 NULL DEFAULT 'x' COMMENT 'note', "
                        + "b VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL, ok TEXT CHARACTER SET latin1)",
                "INSERT INTO " + db + ".texts VALUES (1, 0x81, 'plain', 'é'), (2, 0x8D8F909D, 0x9D, 'ÿ'), (3, 'plain', 'plain', 0x80)",
                "CREATE TABLE " + db + ".cal (id INT PRIMARY KEY, dt DATETIME NULL, dt6 DATETIME(6) NOT NULL, d DATE)",
                "INSERT INTO " + db + ".cal VALUES (1, '1582-10-07 00:00:00', '1582-10-14 23:59:59.999999', '1582-10-07'), "
                        + "(2, '1582-10-04 23:59:59', '1582-10-15 00:00:00', '1582-10-10')");
        var sourceSettings = CheckRuns.source(source, db, MigrationSourceConfig.TABLES_EXCLUDE, db + "\\.skipped",
                MigrationSourceConfig.COLUMNS_EXCLUDE, db + "\\.dates\\.skip",
                MigrationSourceConfig.ROW_FILTERS, db + ".filtered WHERE id < 100");
        var sink = CheckRuns.sink(stack.destination());

        Map<String, CheckResult> before = runFamily(sourceSettings, sink);
        CheckResult dates = before.get("assess.values.zero_dates");
        assertEquals(Status.WARN, dates.status(), dates.found());
        assertEquals("zero dates and dates with a zero year, month or day: "
                + db + ".dates.d (DATE NULL): 3 rows (zero date: 1, zero month or day: 1, year 0000: 1) -> NULL; "
                + db + ".dates.dn (DATE NOT NULL): 2 rows (zero date: 1, zero month or day: 1) -> 1970-01-01; "
                + db + ".dates.dt (DATETIME NULL): 2 rows (zero date: 1, zero month or day: 1) -> NULL; "
                + db + ".dates.dtn (DATETIME NOT NULL): 1 row (zero date: 1) -> 1970-01-01 00:00:00; "
                + db + ".filtered.d (DATE NULL): 2 rows (zero date: 2) -> NULL (counting the rows the row filters keep)", dates.found());
        CheckResult timestamps = before.get("assess.values.zero_timestamps");
        assertEquals(Status.WARN, timestamps.status(), timestamps.found());
        assertEquals("zero TIMESTAMPs in nullable columns: " + db + ".ts.ts (TIMESTAMP NULL): 1 row (zero timestamp: 1) -> NULL",
                timestamps.found());
        CheckResult years = before.get("assess.values.year_zero");
        assertEquals(Status.FAIL, years.status(), "the snapshot stops for certain: " + years.found());
        assertEquals("YEAR 0000 values: " + db + ".years.y (YEAR NULL): 1 row (year 0000: 1) -> the source task stops (MariaDB), 2000 (MySQL); "
                + db + ".years.yn (YEAR NOT NULL): 1 row (year 0000: 1) -> the source task stops (MariaDB), 2000 (MySQL)", years.found());
        CheckResult latin1 = before.get("assess.values.latin1_undefined_bytes");
        assertEquals(Status.WARN, latin1.status(), latin1.found());
        assertEquals("latin1 values with bytes undefined in Windows-1252: "
                + db + ".texts.c (VARCHAR NULL): 2 rows (bytes 0x81 0x8D 0x8F 0x90 0x9D: 2) -> U+FFFD when streamed, and the sink stops; "
                + db + ".texts.b (VARCHAR NOT NULL): 1 row (bytes 0x81 0x8D 0x8F 0x90 0x9D: 1) -> U+FFFD when streamed, and the sink "
                + "stops", latin1.found());
        CheckResult calendar = before.get("assess.values.calendar_switch");
        assertEquals(Status.WARN, calendar.status(), calendar.found());
        assertEquals("DATETIME values from 1582-10-05 to 1582-10-14: "
                + db + ".cal.dt (DATETIME NULL): 1 row (1582-10-05 to 1582-10-14: 1) -> 10 days later; "
                + db + ".cal.dt6 (DATETIME NOT NULL): 1 row (1582-10-05 to 1582-10-14: 1) -> 10 days later", calendar.found());

        List<String> fixes = new ArrayList<>(List.of("SET SESSION sql_mode = 'TRADITIONAL'"));
        for (CheckResult r : before.values()) {
            fixes.addAll(statements(r.fix()));
        }
        assertEquals(1 + 5 + 1 + 2 + 2 + 2, fixes.size(), String.join("\n", fixes));
        source.execute(fixes.toArray(String[]::new));

        Map<String, CheckResult> after = runFamily(sourceSettings, sink);
        for (CheckResult r : after.values()) {
            assertEquals(Status.PASS, r.status(), r.id() + ": " + r.found());
        }
        assertEquals("no zero dates and dates with a zero year, month or day in the selected columns (rows the row filters keep)",
                after.get("assess.values.zero_dates").found());
        assertEquals("1", one(source, "SELECT COUNT(*) FROM " + db + ".filtered WHERE MONTH(d) = 0"),
                "the fix leaves the rows the row filter does not migrate alone");
        assertEquals("4", one(source, "SELECT COUNT(*) FROM " + db + ".dates WHERE upd = '2001-02-03 04:05:06'"),
                "the fix keeps the ON UPDATE CURRENT_TIMESTAMP column");
        assertEquals("2000-01-01", one(source, "SELECT dn FROM " + db + ".dates WHERE id = 1"));
        assertEquals("C281", one(source, "SELECT HEX(c) FROM " + db + ".texts WHERE id = 1"), "0x81 is kept, as U+0081");
        assertEquals("'x'|note|utf8mb4_bin", one(source, "SELECT CONCAT_WS('|', (SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = '" + db + "' AND TABLE_NAME = 'texts' AND COLUMN_NAME = 'c'), (SELECT COLUMN_COMMENT FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db + "' AND TABLE_NAME = 'texts' AND COLUMN_NAME = 'c'), "
                + "(SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db + "' AND TABLE_NAME = 'texts' "
                + "AND COLUMN_NAME = 'b'))"), "the conversion keeps the default, the comment and a binary collation");
    }

    @Test
    void aCleanDatabasePassesAndEachKindRunsOnlyForTheMigrationTypesItMattersTo() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        MariaDbServer source = stack.source();
        String db = CheckRuns.newDatabase(source, "values_clean");
        source.execute("CREATE TABLE " + db + ".good (id INT PRIMARY KEY, d DATE NULL, dt DATETIME(6) NOT NULL, ts TIMESTAMP NULL, "
                        + "y YEAR NULL, c VARCHAR(20) CHARACTER SET latin1)",
                "INSERT INTO " + db + ".good VALUES (1, '1000-01-01', '1582-10-04 23:59:59.999999', '2000-01-01 00:00:00', 2000, "
                        + "0x80A0FF), (2, NULL, '1582-10-15 00:00:00', NULL, 1901, 'ok'), (3, '1970-01-01', '1970-01-01 00:00:00', "
                        + "'2038-01-01 00:00:00', NULL, NULL)");
        var sink = CheckRuns.sink(stack.destination());
        Map<String, CheckResult> clean = runFamily(CheckRuns.source(source, db), sink);
        assertEquals(5, clean.size(), clean.keySet().toString());
        for (CheckResult r : clean.values()) {
            assertEquals(Status.PASS, r.status(), r.id() + ": " + r.found());
        }

        source.execute("CREATE TABLE " + db + ".bad (id INT PRIMARY KEY, y YEAR, c VARCHAR(5) CHARACTER SET latin1)",
                "INSERT INTO " + db + ".bad VALUES (1, 0, 0x90)");
        Map<String, List<String>> applied = new LinkedHashMap<>();
        for (String types : List.of("schema", "full", "incremental", "schema,full,incremental")) {
            var settings = CheckRuns.source(source, db, MigrationSourceConfig.MIGRATION_TYPES, types);
            List<String> ids = new ArrayList<>();
            for (Check check : CapturedValuesCheck.family()) {
                CheckResult r = CheckRuns.run(check, settings, sink);
                if (r != null) {
                    ids.add(r.id() + "=" + r.status());
                }
            }
            applied.put(types, ids);
        }
        assertEquals(Map.of("schema", List.of(),
                "full", List.of("assess.values.zero_dates=PASS", "assess.values.zero_timestamps=PASS", "assess.values.year_zero=FAIL",
                        "assess.values.calendar_switch=PASS"),
                "incremental", List.of("assess.values.zero_dates=PASS", "assess.values.latin1_undefined_bytes=WARN"),
                "schema,full,incremental", List.of("assess.values.zero_dates=PASS", "assess.values.zero_timestamps=PASS",
                        "assess.values.year_zero=FAIL", "assess.values.latin1_undefined_bytes=WARN", "assess.values.calendar_switch=PASS")),
                applied);
    }
}
