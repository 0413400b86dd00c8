package io.mysqlmigrate.localrun;

import io.mysqlmigrate.localrun.StateDirectory.Server;
import io.mysqlmigrate.stack.ProcessSupport;
import io.mysqlmigrate.stack.StackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What must hold before the main job touches anything: the connector configurations and plugins of the checkout, the
 * MariaDB programs when a private server is needed, and no earlier run still running in the state directory.
 */
final class Prerequisites {
    private Prerequisites() {
    }

    /** The checkout's connector configurations and unpacked plugins, and MariaDB's programs when they are needed. */
    static void check(LocalRun.Context ctx, RunPlan plan) {
        for (String file : List.of("source.json", "sink.json")) {
            if (!Files.isRegularFile(ctx.configDir().resolve(file))) {
                throw new LocalRunException("Connector configuration " + ctx.configDir().resolve(file) + " not found."
                        + "\n  Fix: run ./local-run.sh from the project checkout (it passes the project root).");
            }
        }
        Path plugins = ctx.pluginDir();
        for (String plugin : List.of("source-connector", "sink-connector")) {
            boolean present;
            try (Stream<Path> dirs = Files.isDirectory(plugins) ? Files.list(plugins) : Stream.empty()) {
                present = dirs.anyMatch(d -> Files.isDirectory(d) && d.getFileName().toString().contains(plugin));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!present) {
                throw new LocalRunException("The " + plugin + " plugin is not unpacked in " + plugins + ".\n  Fix: "
                        + "build it: mvn -B -q -DskipTests -pl local-run -am package (./local-run.sh does this).");
            }
        }
        if (plan.needsPrivateMariaDb()) {
            try {
                ProcessSupport.findBinary("mariadbd", "mysqld");
                ProcessSupport.findBinary("mariadb-install-db", "mysql_install_db");
            } catch (StackException e) {
                throw new LocalRunException("MariaDB server programs (mariadbd, mariadb-install-db) not found; the "
                        + "private " + (plan.demoSource() ? "source" : "destination") + " needs them.\n  Fix: "
                        + "sudo apt-get install -y mariadb-server (local-run starts its own instances; the system "
                        + "service is not used).");
            }
        }
    }

    /** Refuses a state directory whose servers still run, or one local-run did not make. */
    static void refuseWhileRunning(LocalRun.Context ctx, StateDirectory state) {
        List<String> running = new ArrayList<>();
        for (Server server : Server.values()) {
            for (ProcessHandle p : state.liveProcesses(server)) {
                running.add(server.title + " (pid " + p.pid() + ")");
            }
        }
        if (!running.isEmpty()) {
            throw new LocalRunException("A previous run is still running in " + ctx.display(state.root()) + ": "
                    + String.join(", ", running) + ".\n  Fix: run ./local-run.sh stop first (./local-run.sh status "
                    + "shows it).");
        }
        if (!state.isOursOrEmpty()) {
            throw new LocalRunException(state.root() + " exists but was not made by local-run (it has no "
                    + StateDirectory.RECORD + "); it is left alone.\n  Fix: remove it yourself, or choose another "
                    + "--state-dir.");
        }
    }
}
