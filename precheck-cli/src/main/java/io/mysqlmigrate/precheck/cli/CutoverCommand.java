package io.mysqlmigrate.precheck.cli;

import io.mysqlmigrate.precheck.cutover.Cutover;
import io.mysqlmigrate.precheck.progress.ConnectApi;
import io.mysqlmigrate.precheck.progress.StatusCollector;
import io.mysqlmigrate.precheck.verify.TableResult;
import io.mysqlmigrate.precheck.verify.VerifyReport;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.ConnectRestClient;
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

    @Mixin
    Output output;

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
        files.validate();
        // with JSON output the steps go to standard error as they happen, and standard output holds one JSON document
        java.io.PrintStream log = output.json() ? System.err : System.out;
        try {
            MigrationFiles.Loaded loaded = files.load();
            ConnectorFile sourceConnector = loaded.sourceConnector();
            ConnectorFile sinkConnector = loaded.sinkConnector();
            MigrationSourceConfig source = loaded.source();
            MigrationSinkConfig sink = loaded.sink();
            ConnectRestClient rest = ConnectApi.client(files.connectUrlOrDefault());
            String kafka = bootstrapServers != null ? bootstrapServers : source.kafkaBootstrapServers();
            try (StatusCollector collector = new StatusCollector(sourceConnector.name(), source, sinkConnector.name(), sink, rest, kafka)
                    .withTables(false)) {
                Cutover cutover = new Cutover(sourceConnector.name(), source, sinkConnector.name(), sink, rest, collector,
                        VerifyCommand.servers(source, sink), log);
                Cutover.Result result = cutover.run(new Cutover.Options(maxDelayMs, Duration.ofSeconds(timeoutSeconds), threads, 1000),
                        c -> stopWrites(c, log));
                long total = result.steps().stream().mapToLong(Cutover.Step::millis).sum();
                if (!result.verify().isEmpty() && result.verify().stream().anyMatch(r -> r.outcome() != TableResult.Outcome.IDENTICAL)) {
                    log.print(VerifyReport.text(result.verify()));
                }
                if (result.failure() != null) {
                    log.println("Cutover stopped: " + result.failure());
                } else {
                    log.printf("Cutover done in %.1f s: switch the application to the destination.%n", total / 1000.0);
                }
                if (output.json()) {
                    System.out.println(json(result, total));
                }
                return result.exitCode();
            }
        } catch (ConfigException e) {
            return output.cannotRun("A setting is invalid", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return output.cannotRun("Cutover cannot run", "interrupted");
        } catch (IOException | RuntimeException e) {
            return output.cannotRun("Cutover cannot run", ConnectApi.explain(e));
        }
    }

    /** The cutover's outcome for scripts: exit code, each step with its time, the failure, and verify's tables. */
    static String json(Cutover.Result result, long totalMillis) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        root.put("exitCode", result.exitCode()).put("done", result.exitCode() == 0 && result.failure() == null)
                .put("millis", totalMillis).put("failure", result.failure());
        com.fasterxml.jackson.databind.node.ArrayNode steps = root.putArray("steps");
        for (Cutover.Step step : result.steps()) {
            steps.addObject().put("name", step.name()).put("millis", step.millis()).put("detail", step.detail());
        }
        try {
            root.set("verify", mapper.readTree(VerifyReport.json(result.verify())).get("tables"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return root.toPrettyString();
    }

    private String stopWrites(java.sql.Connection source, java.io.PrintStream log) throws Exception {
        if (setReadOnly) {
            try (Statement st = source.createStatement()) {
                st.execute("SET GLOBAL read_only = ON");
            }
            return "read_only = ON";
        }
        if (writesStopped) {
            return "stopped by the operator (--writes-stopped)";
        }
        log.println("Stop every write to the source now, then press Enter (or use --set-source-read-only).");
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalStateException("no confirmation that writes stopped (standard input closed); use --writes-stopped or "
                    + "--set-source-read-only");
        }
        return "stopped by the operator (confirmed)";
    }
}
