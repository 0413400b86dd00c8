package io.mysqlmigrate.precheck.cli;

import io.mysqlmigrate.precheck.progress.ConnectApi;
import io.mysqlmigrate.precheck.progress.MigrationStatus;
import io.mysqlmigrate.precheck.progress.StatusCollector;
import io.mysqlmigrate.precheck.progress.StatusReport;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code status}: the migration's phase, per-table progress of the initial load, the delay of incremental migration
 * and failed tasks, from Connect's REST API and the progress the sink keeps in the destination. Exit code 0 healthy,
 * 1 when a task failed, a connector is missing, or the delay exceeds {@code --max-delay-ms}; 2 when status cannot be
 * read.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows a migration's phase, full-load progress per table, replication delay and failed tasks.")
public final class StatusCommand implements Callable<Integer> {

    static final int CANNOT_RUN = 2;

    @Mixin
    MigrationFiles files;

    @Option(names = "--bootstrap-servers", description = "Kafka, to see how far the sink is behind the topics. Default: the source "
            + "connector's Kafka setting.")
    String bootstrapServers;

    @Option(names = "--jmx-url", description = "JMX address of the Connect worker running the source task (e.g. "
            + "service:jmx:rmi:///jndi/rmi://host:port/jmxrmi), to show its binary log connection: a lost one leaves the task "
            + "RUNNING and nothing is read; exit code 1 while it is lost.")
    String jmxUrl;

    @Option(names = "--watch", defaultValue = "0", description = "Refresh every this many seconds until interrupted; 0: once.")
    double watchSeconds;

    @Option(names = "--count", defaultValue = "0", description = "With --watch: stop after this many refreshes; 0: never.")
    int count;

    @Option(names = "--max-delay-ms", description = "Exit code 1 when the delay exceeds this.")
    Long maxDelayMs;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        files.validate();
        try {
            MigrationFiles.Loaded loaded = files.load();
            ConnectorFile sourceConnector = loaded.sourceConnector();
            ConnectorFile sinkConnector = loaded.sinkConnector();
            MigrationSourceConfig source = loaded.source();
            MigrationSinkConfig sink = loaded.sink();
            String kafka = bootstrapServers != null ? bootstrapServers : source.kafkaBootstrapServers();
            boolean json = output.json();
            boolean clear = watchSeconds > 0 && !json && System.console() != null;
            try (StatusCollector collector = new StatusCollector(sourceConnector.name(), source, sinkConnector.name(), sink,
                    ConnectApi.client(files.connectUrlOrDefault()), kafka).withWorkerJmx(jmxUrl)) {
                int exit;
                int refreshes = 0;
                while (true) {
                    MigrationStatus status = collector.collect();
                    exit = status.exitCode(maxDelayMs);
                    if (clear) {
                        System.out.print("\u001b[H\u001b[2J");
                    }
                    System.out.println(json ? StatusReport.json(status, maxDelayMs) : StatusReport.text(status));
                    System.out.flush();
                    refreshes++;
                    if (watchSeconds <= 0 || (count > 0 && refreshes >= count)) {
                        return exit;
                    }
                    Thread.sleep((long) (watchSeconds * 1000));
                }
            }
        } catch (ConfigException e) {
            return output.cannotRun("A setting is invalid", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return output.cannotRun("Status cannot be read", "interrupted");
        } catch (IOException | SQLException | RuntimeException e) {
            return output.cannotRun("Status cannot be read", ConnectApi.explain(e));
        }
    }
}
