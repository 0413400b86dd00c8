package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.SharedStack;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Invisible columns on the shared MariaDB source: a table with two, one of them row-filtered, warns naming each column;
 * the ALTER statements of the fix make them visible and the check passes. Generated invisible primary keys do not
 * exist on MariaDB: that check passes and says why.
 */
class InvisibleColumnsOnMariaDbIT {

    @Test
    void invisibleColumnsWarnUntilTheFixMakesThemVisible() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "invisible");
        stack.source().execute("CREATE TABLE " + db + ".hidden (id INT PRIMARY KEY, secret VARCHAR(20) NOT NULL DEFAULT 'x' INVISIBLE, "
                + "note TEXT INVISIBLE, shown INT)", "CREATE TABLE " + db + ".filtered (id INT PRIMARY KEY, flag INT INVISIBLE)");
        var source = CheckRuns.source(stack.source(), db, MigrationSourceConfig.ROW_FILTERS, db + ".filtered WHERE id > 0");
        var sink = CheckRuns.sink(stack.destination());

        CheckResult warned = CheckRuns.run(new InvisibleColumnsCheck(), source, sink);
        assertEquals(Status.WARN, warned.status(), warned.found());
        assertEquals("invisible columns: " + db + ".filtered.flag (row-filtered: its snapshot selects with SELECT *, which leaves "
                + "the column out), " + db + ".hidden.secret, " + db + ".hidden.note", warned.found());

        Matcher alter = Pattern.compile("ALTER TABLE [^;]+;").matcher(warned.fix());
        int statements = 0;
        while (alter.find()) {
            CheckRuns.applyFix(stack.source(), alter.group());
            statements++;
        }
        assertEquals(3, statements, warned.fix());
        CheckResult fixed = CheckRuns.run(new InvisibleColumnsCheck(), source, sink);
        assertEquals(Status.PASS, fixed.status(), fixed.found());
        assertEquals("no invisible columns in the selected tables", fixed.found());
    }

    @Test
    void generatedInvisiblePrimaryKeysPassOnMariaDbSayingWhy() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "gipk");
        stack.source().execute("CREATE TABLE " + db + ".nokey (a INT)");
        CheckResult result = CheckRuns.run(new GeneratedInvisiblePrimaryKeyCheck(), CheckRuns.source(stack.source(), db),
                CheckRuns.sink(stack.destination()));
        assertEquals(Status.PASS, result.status(), result.found());
        assertTrue(result.found().matches("neither server has sql_generate_invisible_primary_key \\(source MariaDB .+, destination "
                + "MariaDB .+\\): generated invisible primary keys exist only on MySQL 8\\.0\\.30 and later"), result.found());
    }
}
