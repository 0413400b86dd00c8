package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A collation the destination lacks, produced for real: a private MariaDB source started with its own character-sets
 * directory, where a user-defined UCA collation is added to utf8mb4; the shared destination does not have it.
 */
class CollationsOnMariaDbIT {

    private static final String COLLATION = "utf8mb4_precheck_test_ci";

    /** A copy of the server's character-sets directory with one more utf8mb4 collation (a tailoring that sorts b as a). */
    private static Path charsetsWithExtraCollation(MariaDbServer server, Path base) throws Exception {
        Path original;
        try (Connection c = server.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@character_sets_dir")) {
            rs.next();
            original = Path.of(rs.getString(1));
        }
        Path copy = Files.createDirectories(base.resolve("charsets"));
        try (Stream<Path> files = Files.list(original)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        Path index = copy.resolve("Index.xml");
        String extra = "<charset name=\"utf8mb4\">\n  <collation name=\"" + COLLATION + "\" id=\"2001\">\n"
                + "    <rules><reset>a</reset><s>b</s></rules>\n  </collation>\n</charset>\n";
        Files.writeString(index, Files.readString(index).replace("</charsets>", extra + "</charsets>"));
        return copy;
    }

    @Test
    void aCollationTheDestinationLacksFailsUntilTheSourceTableMovesToOneItHas() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        Path base = CheckRuns.scratchDir("precheck-collation");
        Path charsets = charsetsWithExtraCollation(stack.source(), base);
        try (MariaDbServer source = MariaDbServer.start(ServerOptions.builder().name("custom-collation").baseDir(base)
                .serverId(31).extraArgs("--character-sets-dir=" + charsets).build())) {
            String db = CheckRuns.newDatabase(source, "coll");
            source.execute("CREATE TABLE " + db + ".names (id INT PRIMARY KEY, name VARCHAR(40) COLLATE " + COLLATION + ")");
            CheckResult failed = CheckRuns.run(new DestinationCollationsCheck(), CheckRuns.source(source, db),
                    CheckRuns.sink(stack.destination()));
            assertEquals(Status.FAIL, failed.status(), failed.found());
            assertEquals("missing on the destination: " + COLLATION + " (" + db + ".names)", failed.found());

            Matcher statements = Pattern.compile("ALTER TABLE [^;]+;").matcher(failed.fix());
            assertTrue(statements.find(), failed.fix());
            assertEquals("ALTER TABLE `" + db + "`.`names` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;",
                    statements.group());
            CheckRuns.applyFix(source, statements.group());
            CheckResult passed = CheckRuns.run(new DestinationCollationsCheck(), CheckRuns.source(source, db),
                    CheckRuns.sink(stack.destination()));
            assertEquals(Status.PASS, passed.status(), passed.found());
        }
    }
}
