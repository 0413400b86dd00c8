package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Precheck;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.source.objects.ObjectCatalog;
import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The source account of docs/SECURITY.md sees no trigger, event or other owner's routine on MariaDB 10.11 nor on MySQL
 * 9.7, and information_schema says so by returning no rows: the check names each hidden kind, the databases, the
 * missing privilege and its GRANT in the flavour's terms (a FAIL where objects are known to be hidden, else a WARN that
 * blocks unless acknowledged), and passes once the GRANTs it prints are run.
 */
class SourceObjectsVisibleOnMariaDbAndMySqlIT {

    private static final String[] EVENTS_ON = {MigrationSourceConfig.EVENTS_MIGRATE, "true"};

    /** A database with one object of every kind, and an account holding the least-privilege grants of SECURITY.md. */
    private static String databaseWithEveryKind(DatabaseServer s, String prefix, String user) {
        String db = CheckRuns.newDatabase(s, prefix);
        s.execute("CREATE VIEW " + db + ".v AS SELECT id FROM " + db + ".t",
                "CREATE TRIGGER " + db + ".trg BEFORE INSERT ON " + db + ".t FOR EACH ROW SET NEW.v = 'x'",
                "CREATE EVENT " + db + ".ev ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM " + db + ".t WHERE id < 0",
                "CREATE PROCEDURE " + db + ".p() SELECT 1",
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'",
                "GRANT SELECT, LOCK TABLES, SHOW VIEW ON " + db + ".* TO '" + user + "'@'%'",
                "GRANT RELOAD, REPLICATION SLAVE, " + (s.flavour() == Flavour.MARIADB ? "BINLOG MONITOR" : "REPLICATION CLIENT")
                        + " ON *.* TO '" + user + "'@'%'");
        return db;
    }

    @Test
    void theLeastPrivilegeAccountSeesNoTriggerEventOrRoutineAndTheCheckNamesEachWithItsGrant() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String user = "objvis_" + System.nanoTime() % 100000;
        String db = databaseWithEveryKind(stack.source(), "objvis", user);
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + stack.source().host() + ":" + stack.source().port() + "/",
                user, "pw")) {
            assertEquals(List.of(), ObjectCatalog.triggers(c, List.of(db)), "the server hides the trigger without an error");
        }
        var sink = CheckRuns.sink(stack.destination());

        CheckResult hidden = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(stack.source(), user, "pw", db, EVENTS_ON), sink);
        assertEquals(Status.WARN, hidden.status(), "nothing it can read tells whether such objects exist: " + hidden.found());
        assertFalse(Precheck.passes(List.of(hidden), Set.of()), "a WARN blocks the migration like a FAIL");
        assertTrue(Precheck.passes(List.of(hidden), Set.of("source.objects.visible")), "unless acknowledged by its id");
        String account = "'" + user + "'@'%'";
        assertTrue(hidden.found().contains("triggers of " + db + ": the account lacks TRIGGER on `" + db + "`.*"), hidden.found());
        assertTrue(hidden.found().contains("events of " + db + ": the account lacks EVENT on `" + db + "`.*"), hidden.found());
        assertTrue(hidden.found().contains("procedures and functions of " + db + ": the account lacks SELECT on `mysql`.`proc`"),
                hidden.found());
        assertFalse(hidden.found().contains("views of"), "SELECT and SHOW VIEW show the views: " + hidden.found());
        assertTrue(hidden.fix().contains("GRANT TRIGGER ON `" + db + "`.* TO " + account + ";"), hidden.fix());
        assertTrue(hidden.fix().contains("GRANT EVENT ON `" + db + "`.* TO " + account + ";"), hidden.fix());
        assertTrue(hidden.fix().contains("GRANT SELECT ON `mysql`.`proc` TO " + account + ";"), hidden.fix());

        CheckResult withoutEvents = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(stack.source(), user, "pw", db), sink);
        assertFalse(withoutEvents.found().contains("events of"), "events are not migrated unless events.migrate: " + withoutEvents.found());

        CheckResult tablesOnly = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(stack.source(), user, "pw", db, EVENTS_ON[0],
                "true", MigrationSourceConfig.TABLES_INCLUDE, db + "\\.t"), sink);
        assertEquals(Status.PASS, tablesOnly.status(), "a table selection migrates no objects: " + tablesOnly.found());

        CheckRuns.applyFix(stack.source(), hidden.fix());
        CheckResult fixed = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(stack.source(), user, "pw", db, EVENTS_ON), sink);
        assertEquals(Status.PASS, fixed.status(), fixed.found());
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + stack.source().host() + ":" + stack.source().port() + "/",
                user, "pw")) {
            assertEquals(1, ObjectCatalog.triggers(c, List.of(db)).size(), "the granted account sees the trigger");
            assertEquals(1, ObjectCatalog.disabledEvents(c, List.of(db)).size(), "and the event");
            assertEquals(2, ObjectCatalog.viewsAndRoutines(c, List.of(db)).size(), "and the view and the procedure");
        }
    }

    @Test
    void eachPrivilegeIsRequiredOnItsOwnAndHiddenEventsAreCountedWhereMysqlEventIsReadable() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String user = "objeach_" + System.nanoTime() % 100000;
        String db = databaseWithEveryKind(stack.source(), "objeach", user);
        MariaDbServer s = stack.source();
        var sink = CheckRuns.sink(stack.destination());
        s.execute("GRANT SELECT ON *.* TO '" + user + "'@'%'", "GRANT EVENT ON " + db + ".* TO '" + user + "'@'%'");
        CheckResult triggerOnly = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(s, user, "pw", db, EVENTS_ON), sink);
        assertEquals(Status.WARN, triggerOnly.status(), "whether triggers exist cannot be known");
        assertEquals("'" + user + "'@'%': triggers of " + db + ": the account lacks TRIGGER on `" + db + "`.*, so the source shows it "
                + "no trigger of a table it lacks TRIGGER on: whether any exist cannot be known without the privilege", triggerOnly.found(),
                "a global SELECT shows routines on MariaDB (it covers mysql.proc)");

        s.execute("GRANT TRIGGER ON " + db + ".t TO '" + user + "'@'%'", "REVOKE EVENT ON " + db + ".* FROM '" + user + "'@'%'");
        CheckResult eventOnly = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(s, user, "pw", db, EVENTS_ON), sink);
        assertEquals(Status.FAIL, eventOnly.status(), "mysql.event shows an event is hidden");
        assertEquals("'" + user + "'@'%': events of " + db + ": the account lacks EVENT on `" + db + "`.*, so the source shows it "
                + "none of its 1 events (counted in mysql.event)", eventOnly.found(), "TRIGGER on each table is enough for triggers");

        s.execute("GRANT EVENT ON " + db + ".* TO '" + user + "'@'%'", "REVOKE SELECT ON *.* FROM '" + user + "'@'%'",
                "REVOKE SELECT, SHOW VIEW ON " + db + ".* FROM '" + user + "'@'%'", "GRANT SELECT ON mysql.proc TO '" + user + "'@'%'",
                "GRANT SELECT ON " + db + ".t TO '" + user + "'@'%'", "GRANT SHOW VIEW ON " + db + ".* TO '" + user + "'@'%'");
        CheckResult viewOnly = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(s, user, "pw", db, EVENTS_ON), sink);
        assertEquals(Status.FAIL, viewOnly.status());
        assertEquals("'" + user + "'@'%': views of " + db + ": the account lacks SELECT on `" + db + "`.*, so the source shows it the "
                + "views v without their definitions, and none it has no privilege on", viewOnly.found());
        CheckRuns.applyFix(s, viewOnly.fix());
        assertEquals(Status.PASS, CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(s, user, "pw", db, EVENTS_ON), sink)
                .status());
    }

    @Test
    void triggerGrantsTableByTableCountOnlyWhereTheAccountSeesEveryTable() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        MariaDbServer s = stack.source();
        String db = CheckRuns.newDatabase(s, "objtables");
        String user = db + "_r";
        s.execute("CREATE TABLE " + db + ".u (id INT PRIMARY KEY, n INT)",
                "CREATE TRIGGER " + db + ".u_bi BEFORE INSERT ON " + db + ".u FOR EACH ROW SET NEW.n = 1",
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'",
                "GRANT SELECT, TRIGGER ON " + db + ".t TO '" + user + "'@'%'");
        var sink = CheckRuns.sink(stack.destination());
        CheckResult tableGrants = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(s, user, "pw", db), sink);
        assertTrue(tableGrants.found().contains("triggers of " + db + ": the account lacks TRIGGER on `" + db + "`.*"),
                "table u (and its trigger) is invisible to an account with grants on t only: " + tableGrants.found());

        s.execute("GRANT SHOW VIEW ON " + db + ".* TO '" + user + "'@'%'", "GRANT TRIGGER ON " + db + ".u TO '" + user + "'@'%'");
        CheckResult everyTable = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(s, user, "pw", db), sink);
        assertFalse(everyTable.found().contains("triggers of"), "a database privilege shows every table, and TRIGGER is held on "
                + "each: " + everyTable.found());
    }

    @Test
    void onMySqlTheRoutinesNeedShowRoutineAndHiddenEventsCannotBeCounted() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        DatabaseServer mysql = stack.server(Flavour.MYSQL, SharedStack.Role.SOURCE);
        String user = "objmy_" + System.nanoTime() % 100000;
        String db = databaseWithEveryKind(mysql, "objmy", user);
        String account = "'" + user + "'@'%'";
        var sink = CheckRuns.sink(stack.destination());

        CheckResult hidden = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(mysql, user, "pw", db, EVENTS_ON), sink);
        assertEquals(Status.WARN, hidden.status(), hidden.found());
        assertTrue(hidden.found().contains("procedures and functions of " + db + ": the account lacks SHOW_ROUTINE on *.*"), hidden.found());
        assertTrue(hidden.found().contains("triggers of " + db + ": the account lacks TRIGGER on `" + db + "`.*"), hidden.found());
        assertTrue(hidden.found().contains("events of " + db + ": the account lacks EVENT on `" + db + "`.*, so the source shows it no "
                + "event: whether any exist cannot be known without the privilege"), "MySQL has no mysql.event: " + hidden.found());
        assertTrue(hidden.fix().contains("GRANT SHOW_ROUTINE ON *.* TO " + account + ";"), hidden.fix());
        try (Connection c = DriverManager.getConnection(mysql.jdbcUrl(), user, "pw")) {
            assertEquals(List.of(), ObjectCatalog.triggers(c, List.of(db)), "MySQL hides the trigger without an error too");
        }

        CheckRuns.applyFix(mysql, hidden.fix());
        CheckResult fixed = CheckRuns.run(new SourceObjectsVisibleCheck(), CheckRuns.sourceAs(mysql, user, "pw", db, EVENTS_ON), sink);
        assertEquals(Status.PASS, fixed.status(), fixed.found());
        try (Connection c = DriverManager.getConnection(mysql.jdbcUrl(), user, "pw")) {
            assertEquals(1, ObjectCatalog.triggers(c, List.of(db)).size(), "the granted account sees the trigger");
            assertEquals(1, ObjectCatalog.disabledEvents(c, List.of(db)).size(), "and the event");
            assertEquals(2, ObjectCatalog.viewsAndRoutines(c, List.of(db)).size(), "and the view and the procedure");
        }
    }
}
