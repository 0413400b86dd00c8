package io.mysqlmigrate.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operator's tool ({@code bin/mysql-migrate} of precheck-cli's distribution, unpacked by the build next to its
 * archive) and the exact command lines that work against the stack local-run started: the connectors by name from the
 * worker's REST API, so no configuration file needs writing.
 */
final class OperatorTool {
    private OperatorTool() {
    }

    /** {@code precheck-cli/target/mysql-migrate-<version>/bin/mysql-migrate}, the newest when several versions are there. */
    static Optional<Path> script(Path projectRoot) {
        Path target = projectRoot.resolve("precheck-cli").resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(target)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("mysql-migrate-") && Files.isDirectory(d))
                    .map(d -> d.resolve("bin").resolve("mysql-migrate")).filter(Files::isExecutable)
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void printCommands(Terminal term, Path projectRoot, Path displayBase, String restUrl, String sourceConnector,
            String sinkConnector) {
        Optional<Path> script = script(projectRoot);
        if (script.isEmpty()) {
            term.println("  Operator tool not built (mvn -B -DskipTests -pl precheck-cli -am package makes "
                    + "precheck-cli/target/mysql-migrate-<version>/bin/mysql-migrate)");
            return;
        }
        String command = Format.path(displayBase, script.get());
        String connectors = " --connect-url " + restUrl + " --source-connector " + sourceConnector + " --sink-connector "
                + sinkConnector;
        term.println("  Operator tool " + command + " status" + connectors);
        term.println("                " + command + " verify" + connectors);
        term.println("                " + command + " cutover" + connectors + " --set-source-read-only");
        term.println("                (cutover ends the migration: it stops writes on the source, verifies, and removes "
                + "both connectors)");
    }
}
