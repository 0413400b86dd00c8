package io.mysqlmigrate.precheck.cli;

import io.mysqlmigrate.precheck.cutover.Cutover;
import io.mysqlmigrate.precheck.progress.ConnectRest;
import io.mysqlmigrate.precheck.progress.StatusCollector;
import io.mysqlmigrate.precheck.verify.TableResult;
import io.mysqlmigrate.precheck.verify.VerifyReport;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cutover}: ends a running migration safely and prints each step with its time. Exit code 0 when the
 * destination is verified equal and the connectors are gone, 1 when verify found differences (the connectors are
 * kept), 2 when a step could not be completed.
 */
@Command(name = "cutover", mixinStandardHelpOptions = true,
        description = "Waits for a small delay, stops writes on the source, waits until the sink applied everything, verifies, "
                + "removes both connectors and runs ANALYZE TABLE on the destination.")
public final class CutoverCommand implements Callable<Integer> {

    @Mixin
    MigrationFiles files;

    @Option(names = "--connect-url", defaultValue = "http://localhost:8083", description = "Connect's REST API (default ${DEFAULT-VALUE}).")
    String connectUrl;

    @Option(names = "--bootstrap-servers", description = "Kafka. Default: the source connector's Kafka setting.")
    String bootstrapServers;

    @Option(names = "--max-delay-ms", defaultValue = "1000", description = "Stop writes once the delay is at most this (default ${DEFAULT-VALUE}).")
    long maxDelayMs;

    @Option(names = "--set-source-read-only", description = "Stop writes by SET GLOBAL read_only = ON on the source (accounts with "
            + "SUPER or READ_ONLY ADMIN can still write).")
    boolean setReadOnly;

    @Option(names = "--writes-stopped", description = "Writes on the source are stopped already; do not ask.")
    boolean writesStopped;

    @Option(names = "--timeout-seconds", defaultValue = "600", description = "Longest wait of each step (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--threads", defaultValue = "2", description = "Tables verified at the same time (default ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        try {
            MigrationFiles.Loaded loaded = files.load();
            ConnectorFile sourceConnector = loaded.sourceConnector();
            ConnectorFile sinkConnector = loaded.sinkConnector();
            MigrationSourceConfig source = loaded.source();
            MigrationSinkConfig sink = loaded.sink();
            ConnectRest rest = new ConnectRest(connectUrl);
            String kafka = bootstrapServers != null ? bootstrapServers : source.kafkaBootstrapServers();
            try (StatusCollector collector = new StatusCollector(sourceConnector.name(), source, sinkConnector.name(), sink, rest, kafka)
                    .withTables(false)) {
                Cutover cutover = new Cutover(sourceConnector.name(), source, sinkConnector.name(), sink, rest, collector,
                        VerifyCommand.servers(source, sink), System.out);
                Cutover.Result result = cutover.run(new Cutover.Options(maxDelayMs, Duration.ofSeconds(timeoutSeconds), threads, 1000),
                        this::stopWrites);
                long total = result.steps().stream().mapToLong(Cutover.Step::millis).sum();
                if (!result.verify().isEmpty() && result.verify().stream().anyMatch(r -> r.outcome() != TableResult.Outcome.IDENTICAL)) {
                    System.out.print(VerifyReport.text(result.verify()));
                }
                if (result.failure() != null) {
                    System.out.println("Cutover stopped: " + result.failure());
                } else {
                    System.out.printf("Cutover done in %.1f s: switch the application to the destination.%n", total / 1000.0);
                }
                return result.exitCode();
            }
        } catch (ConfigException e) {
            System.err.println("A setting is invalid: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        } catch (IOException | RuntimeException e) {
            System.err.println("Cutover cannot run: " + e.getMessage());
            return 2;
        }
    }

    private String stopWrites(java.sql.Connection source) throws Exception {
        if (setReadOnly) {
            try (Statement st = source.createStatement()) {
                st.execute("SET GLOBAL read_only = ON");
            }
            return "read_only = ON";
        }
        if (writesStopped) {
            return "stopped by the operator (--writes-stopped)";
        }
        System.out.println("Stop every write to the source now, then press Enter (or use --set-source-read-only).");
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalStateException("no confirmation that writes stopped (standard input closed); use --writes-stopped or "
                    + "--set-source-read-only");
        }
        return "stopped by the operator (confirmed)";
    }
}
