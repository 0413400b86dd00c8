package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * Names the destination cannot take, against a private MariaDB destination started with lower_case_table_names=1: two
 * source databases and two tables whose names differ only in case (the shared source is case-sensitive) fail, naming
 * them; the name.mapping the fix proposes makes every name distinct and the check passes. A mapping to a name longer
 * than 64 characters is refused by the sink's settings before any check runs. The same source against the
 * case-sensitive shared destination passes. Databases whose topic names coincide ('a b' and 'a_b') fail kafka.topics.names.
 */
class DestinationNamesOnMariaDbIT {

    @Test
    void namesThatCollideWhenLowerCasedOrAreTooLongFailUntilMapped() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String lower = CheckRuns.newDatabase(stack.source(), "names");
        String upper = lower.toUpperCase();
        stack.source().execute("CREATE DATABASE " + upper, "CREATE TABLE " + upper + ".t (id INT PRIMARY KEY)",
                "CREATE TABLE " + lower + ".Orders (id INT PRIMARY KEY)", "CREATE TABLE " + lower + ".orders (id INT PRIMARY KEY)");
        var source = CheckRuns.source(stack.source(), lower + "," + upper);
        assertEquals(Status.PASS, CheckRuns.run(new DestinationNamesCheck(), source, CheckRuns.sink(stack.destination())).status(),
                "a case-sensitive destination keeps them apart");

        Path base = CheckRuns.scratchDir("precheck-names");
        try (MariaDbServer folding = MariaDbServer.start(ServerOptions.builder().name("lctn1").baseDir(base).serverId(61)
                .extraArgs("--lower-case-table-names=1").build())) {
            CheckResult failed = CheckRuns.run(new DestinationNamesCheck(), source, CheckRuns.sink(folding));
            assertEquals(Status.FAIL, failed.status(), failed.found());
            assertEquals("lower_case_table_names on the destination: 1; databases " + lower + " and " + upper + " all become " + lower
                    + "; tables " + lower + ".Orders and " + lower + ".orders all become orders", failed.found());

            Matcher mapping = Pattern.compile("name\\.mapping=(\\S+) ").matcher(failed.fix());
            assertTrue(mapping.find(), failed.fix());
            assertEquals(upper + "=" + lower + "_2," + lower + ".orders=orders_2", mapping.group(1));
            CheckResult fixed = CheckRuns.run(new DestinationNamesCheck(), source,
                    CheckRuns.sink(folding, MigrationSinkConfig.NAME_MAPPING, mapping.group(1)));
            assertEquals(Status.PASS, fixed.status(), fixed.found());

            String longName = "x".repeat(65);
            ConfigException refused = assertThrows(ConfigException.class, () -> CheckContext.open("names", source,
                    CheckRuns.sink(folding, MigrationSinkConfig.NAME_MAPPING, lower + ".t=" + longName)).close());
            assertTrue(refused.getMessage().contains("is longer than 64 characters"), refused.getMessage());
        }
    }

    @Test
    void databasesWhoseTopicNamesCoincideFail() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String plain = CheckRuns.newDatabase(stack.source(), "topic_x");
        String spaced = plain.replace('_', ' ');
        stack.source().execute("CREATE DATABASE `" + spaced + "`");
        CheckResult shared = CheckRuns.run(new TopicNamesCheck(), CheckRuns.source(stack.source(), plain + "," + spaced),
                CheckRuns.sink(stack.destination()));
        assertEquals(Status.FAIL, shared.status(), shared.found());
        assertEquals("databases " + plain + " and " + spaced + " share the topic checks." + plain, shared.found());

        CheckResult apart = CheckRuns.run(new TopicNamesCheck(), CheckRuns.source(stack.source(), spaced),
                CheckRuns.sink(stack.destination()));
        assertEquals(Status.PASS, apart.status(), apart.found());
        assertEquals("one topic per database: checks." + plain, apart.found());
    }
}
