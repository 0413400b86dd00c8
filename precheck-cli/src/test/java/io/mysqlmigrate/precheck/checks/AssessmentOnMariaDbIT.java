package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.precheck.cli.PrecheckCli;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import io.mysqlmigrate.stack.StackException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The migration assessment (--assess) on the shared MariaDB source, which has no VIEW_TABLE_USAGE (10.11), so view
 * definitions are searched. Latin1 indexes too long for utf8mb4 warn (converting the COMPACT table's column is
 * refused), and the prefixes the fix gives let the columns be converted; a view, a procedure and a trigger using tables outside the selection, and foreign keys to such tables,
 * warn naming each, and pass once the selection takes those tables in; an account that cannot read the view's and the
 * procedure's text is told they were not searched.
 */
class AssessmentOnMariaDbIT {

    @Test
    void indexesTooLongForUtf8mb4WarnUntilPrefixed() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        MariaDbServer source = stack.source();
        String db = CheckRuns.newDatabase(source, "assess_idx");
        source.execute("CREATE TABLE " + db + ".wide (id INT PRIMARY KEY, name VARCHAR(1000) CHARACTER SET latin1, KEY k_name (name))",
                "CREATE TABLE " + db + ".narrow (id INT PRIMARY KEY, code VARCHAR(200) CHARACTER SET latin1, UNIQUE KEY u_code (code)) "
                        + "ROW_FORMAT=COMPACT",
                "CREATE TABLE " + db + ".fine (id INT PRIMARY KEY, code VARCHAR(100) CHARACTER SET utf8mb4, KEY k_code (code))");
        var sourceSettings = CheckRuns.source(source, db);
        var sink = CheckRuns.sink(stack.destination());

        CheckResult warned = CheckRuns.run(new IndexPrefixUtf8mb4Check(), sourceSettings, sink);
        assertEquals(Status.WARN, warned.status(), warned.found());
        assertEquals("indexes too long once their columns are utf8mb4: " + db + ".narrow.u_code (compact: code 800 bytes; index 800 "
                + "of 3072 bytes); " + db + ".wide.k_name (dynamic: name 4000 bytes; index 4000 of 3072 bytes)", warned.found());
        StackException refused = assertThrows(StackException.class, () -> source.execute("ALTER TABLE " + db
                + ".narrow CONVERT TO CHARACTER SET utf8mb4"), "the warning is real: the conversion fails");
        assertTrue(refused.getMessage().contains("Index column size too large"), refused.getMessage());

        Matcher alter = Pattern.compile("ALTER TABLE [^;]+").matcher(warned.fix());
        List<String> statements = new ArrayList<>();
        while (alter.find()) {
            statements.add(alter.group());
        }
        assertEquals(List.of("ALTER TABLE `" + db + "`.`narrow` DROP INDEX `u_code`, ADD UNIQUE INDEX `u_code` (`code`(191))",
                "ALTER TABLE `" + db + "`.`wide` DROP INDEX `k_name`, ADD INDEX `k_name` (`name`(768))"), statements);
        source.execute(statements.toArray(String[]::new));
        CheckResult fixed = CheckRuns.run(new IndexPrefixUtf8mb4Check(), sourceSettings, sink);
        assertEquals(Status.PASS, fixed.status(), fixed.found());
        source.execute("ALTER TABLE " + db + ".wide CONVERT TO CHARACTER SET utf8mb4",
                "ALTER TABLE " + db + ".narrow CONVERT TO CHARACTER SET utf8mb4");
    }

    @Test
    void objectsAndForeignKeysUsingTablesOutsideTheSelectionWarnUntilSelected() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        MariaDbServer source = stack.source();
        String app = CheckRuns.newDatabase(source, "assess_app");
        String other = CheckRuns.newDatabase(source, "assess_other");
        source.execute("CREATE TABLE " + other + ".customers (id INT PRIMARY KEY)",
                "CREATE TABLE " + app + ".orders (id INT PRIMARY KEY, customer_id INT, CONSTRAINT fk_customer FOREIGN KEY (customer_id) "
                        + "REFERENCES " + other + ".customers (id))",
                "CREATE TABLE " + app + ".parent (id INT PRIMARY KEY)",
                "CREATE TABLE " + app + ".child (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_parent FOREIGN KEY (parent_id) "
                        + "REFERENCES " + app + ".parent (id))",
                "CREATE TABLE " + app + ".audit (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(20))",
                "CREATE VIEW " + app + ".v_orders AS SELECT o.id, c.id AS cid FROM " + app + ".orders o JOIN " + other
                        + ".customers c ON c.id = o.customer_id",
                "CREATE PROCEDURE " + app + ".count_customers() SELECT COUNT(*) FROM " + other + ".customers",
                "CREATE TRIGGER " + app + ".orders_audit AFTER INSERT ON " + app + ".orders FOR EACH ROW INSERT INTO audit (note) "
                        + "VALUES ('order')");
        var narrow = CheckRuns.source(source, app, MigrationSourceConfig.TABLES_EXCLUDE, app + "\\.audit," + app + "\\.parent");
        var sink = CheckRuns.sink(stack.destination());

        CheckResult objects = CheckRuns.run(new ObjectsOutsideSelectionCheck(), narrow, sink);
        assertEquals(Status.WARN, objects.status(), objects.found());
        assertEquals("objects using tables outside the selection: view " + app + ".v_orders uses " + other + ".customers; procedure "
                + app + ".count_customers uses " + other + ".customers; trigger " + app + ".orders_audit uses " + app + ".audit",
                objects.found());
        CheckResult keys = CheckRuns.run(new ForeignKeysOutsideSelectionCheck(), narrow, sink);
        assertEquals(Status.WARN, keys.status(), keys.found());
        assertEquals("foreign keys to tables outside the selection: " + app + ".child.fk_parent references " + app + ".parent; " + app
                + ".orders.fk_customer references " + other + ".customers", keys.found());

        source.execute("CREATE USER 'assess_ro'@'%' IDENTIFIED BY 'ro-pw'", "GRANT SELECT, EXECUTE ON " + app + ".* TO 'assess_ro'@'%'");
        CheckResult blind = CheckRuns.run(new ObjectsOutsideSelectionCheck(), CheckRuns.sourceAs(source, "assess_ro", "ro-pw", app,
                MigrationSourceConfig.TABLES_EXCLUDE, app + "\\.audit"), sink);
        assertEquals(Status.PASS, blind.status(), blind.found());
        assertEquals("no view, routine or trigger of the selected databases uses a table outside the selection; not searched, as the "
                + "account cannot read their text (see source.privileges): view " + app + ".v_orders, procedure " + app
                + ".count_customers", blind.found());

        var whole = CheckRuns.source(source, app + "," + other);
        CheckResult objectsSelected = CheckRuns.run(new ObjectsOutsideSelectionCheck(), whole, sink);
        assertEquals(Status.PASS, objectsSelected.status(), objectsSelected.found());
        CheckResult keysSelected = CheckRuns.run(new ForeignKeysOutsideSelectionCheck(), whole, sink);
        assertEquals(Status.PASS, keysSelected.status(), keysSelected.found());

        Path dir = CheckRuns.scratchDir("precheck-assess");
        Path sourceFile = dir.resolve("source.json");
        Path sinkFile = dir.resolve("sink.json");
        Files.writeString(sourceFile, TlsOnMariaDbIT.json("assess-source", narrow));
        Files.writeString(sinkFile, TlsOnMariaDbIT.json("assess-sink", sink));
        assertEquals(0, cli(sourceFile, sinkFile), "without --assess the assessment does not run");
        assertEquals(1, cli(sourceFile, sinkFile, "--assess"), "its warnings block until acknowledged");
        assertEquals(0, cli(sourceFile, sinkFile, "--assess", "--ack",
                "assess.objects.outside_selection,assess.foreign_keys.outside_selection"));
    }

    private static int cli(Path source, Path sink, String... extra) {
        List<String> args = new ArrayList<>(List.of("--source-config", source.toString(), "--sink-config", sink.toString()));
        args.addAll(List.of(extra));
        return new CommandLine(new PrecheckCli()).execute(args.toArray(String[]::new));
    }
}
