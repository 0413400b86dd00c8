package io.mysqlmigrate.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.localrun.SinkWatch.TopicProgress;
import io.mysqlmigrate.localrun.StateDirectory.Server;
import io.mysqlmigrate.precheck.progress.SourceBinlog;
import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectWorker;
import io.mysqlmigrate.stack.KafkaBroker;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ProcessSupport;
import io.mysqlmigrate.stack.StackException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code stop} and {@code status}: what runs under the state directory, and ending it. */
final class StackControl {
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(20);
    /** status waits this long for each Kafka answer, so it answers in seconds also when the broker hangs. */
    private static final Duration STATUS_KAFKA_TIMEOUT = Duration.ofMillis(1500);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private StackControl() {
    }

    /**
     * Stops every server of the run: the worker first (it needs the broker to stop cleanly), then the broker and
     * the databases in parallel. Each recorded one through embedded-stack's {@code stopFromDirectory}; one whose
     * start was interrupted before it was recorded by its process handle. Returns how many were stopped.
     *
     * @param report gets one line per stopped server (null: silent)
     */
    static int stopAll(StateDirectory state, Consumer<String> report) {
        int stopped = stop(state, Server.WORKER, report);
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[3];
        Server[] rest = {Server.BROKER, Server.SOURCE, Server.DESTINATION};
        for (int i = 0; i < rest.length; i++) {
            int index = i;
            Thread thread = new Thread(() -> counts[index] = stop(state, rest[index], report), "stop " + rest[i].title);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return stopped + counts[0] + counts[1] + counts[2];
    }

    private static int stop(StateDirectory state, Server server, Consumer<String> report) {
        int stopped = 0;
        Path dir = state.dir(server);
        var recorded = state.recordedProcess(server);
        if (recorded.isPresent()) {
            long started = System.nanoTime();
            try {
                stopFromDirectory(server, dir);
                stopped++;
                say(report, "  " + Format.fit(server.title, 20) + " (pid " + recorded.get().pid() + ") stopped in "
                        + Format.secondsSince(started));
            } catch (StackException e) {
                say(report, "  " + server.title + ": " + e.getMessage());
            }
        } else if (java.nio.file.Files.exists(dir.resolve("pid"))) {
            // a pid file of a process that is gone (or whose pid now belongs to another process): stopFromDirectory
            // leaves that process alone and removes the stale file
            try {
                stopFromDirectory(server, dir);
            } catch (StackException e) {
                say(report, "  " + server.title + ": " + e.getMessage());
            }
        }
        for (ProcessHandle orphan : state.unrecordedProcesses(server)) {
            long started = System.nanoTime();
            ProcessSupport.terminate(orphan, ORPHAN_GRACE);
            stopped++;
            say(report, "  " + Format.fit(server.title, 20) + " (pid " + orphan.pid() + ", its start had been "
                    + "interrupted) stopped in " + Format.secondsSince(started));
        }
        return stopped;
    }

    /** SIGTERM, up to 20 s, SIGKILL, through embedded-stack; a no-op (that removes a stale pid file) when none runs. */
    private static void stopFromDirectory(Server server, Path dir) {
        switch (server) {
            case SOURCE, DESTINATION -> MariaDbServer.stopFromDirectory(dir);
            case BROKER -> KafkaBroker.stopFromDirectory(dir);
            case WORKER -> ConnectWorker.stopFromDirectory(dir);
        }
    }

    private static synchronized void say(Consumer<String> report, String line) {
        if (report != null) {
            report.accept(line);
        }
    }

    /** {@code stop}: always 0 unless a server could not be stopped. */
    static int stop(StateDirectory state, Terminal term, Path displayBase) {
        if (!state.exists()) {
            term.println("Nothing is running: there is no " + Format.path(displayBase, state.root()) + ".");
            return 0;
        }
        term.println("Stopping the local run in " + Format.path(displayBase, state.root()));
        int stopped = stopAll(state, term::println);
        List<String> survivors = new ArrayList<>();
        for (Server server : Server.values()) {
            for (ProcessHandle p : state.liveProcesses(server)) {
                survivors.add(server.title + " (pid " + p.pid() + ")");
            }
        }
        if (!survivors.isEmpty()) {
            term.error(term.bad() + " Still running: " + String.join(", ", survivors)
                    + ".\n  Fix: look at their logs in " + state.root() + ", then stop them by pid (kill PID).");
            return 1;
        }
        term.println(stopped == 0 ? "Nothing was running." : "Stopped " + stopped + (stopped == 1 ? " server." : " servers.")
                + " Data and logs stay in " + Format.path(displayBase, state.root()) + " until the next start.");
        return 0;
    }

    /** {@code status}: 0 when every server of the run is alive and both connectors RUNNING, else 1. */
    static int status(StateDirectory state, Terminal term, Path displayBase, boolean verbose) {
        Map<String, String> record = state.readRecord();
        if (record.isEmpty()) {
            term.println("No local run in " + Format.path(displayBase, state.root()) + " (./local-run.sh starts one).");
            return 1;
        }
        boolean healthy = true;
        String startedAt = record.getOrDefault("started.at", "?");
        try {
            startedAt = STARTED.format(Instant.parse(startedAt));
        } catch (java.time.format.DateTimeParseException e) {
            // shown as recorded
        }
        term.println("Local run in " + Format.path(displayBase, state.root()) + ", started " + startedAt
                + ", databases " + record.getOrDefault("databases", "?"));
        boolean workerAlive = !state.liveProcesses(Server.WORKER).isEmpty();
        boolean destinationAlive = !Boolean.parseBoolean(record.getOrDefault("destination.private", "true"))
                || !state.liveProcesses(Server.DESTINATION).isEmpty();
        term.println();
        term.println("Servers");
        for (Server server : Server.values()) {
            boolean managed = switch (server) {
                case SOURCE -> Boolean.parseBoolean(record.getOrDefault("source.private", "true"));
                case DESTINATION -> Boolean.parseBoolean(record.getOrDefault("destination.private", "true"));
                default -> true;
            };
            String address = switch (server) {
                case SOURCE -> record.getOrDefault("source.address", "?");
                case DESTINATION -> record.getOrDefault("destination.address", "?");
                case BROKER -> record.getOrDefault("bootstrap.servers", "?");
                case WORKER -> record.getOrDefault("rest.url", "?");
            };
            if (!managed) {
                term.println("  " + Format.fit(server == Server.SOURCE ? "source" : "destination", 20) + " "
                        + Format.fit(address, 24)
                        + " existing server (not managed by local-run)");
                continue;
            }
            List<ProcessHandle> live = state.liveProcesses(server);
            if (live.isEmpty()) {
                healthy = false;
            }
            term.println("  " + Format.fit(server.title, 20) + " " + Format.fit(address, 24) + " "
                    + (live.isEmpty() ? "not running" : "running (pid " + live.get(0).pid() + ")") + "   log "
                    + Format.path(displayBase, state.serverLog(server)));
        }
        String restUrl = record.get("rest.url");
        List<String> names = List.of(record.getOrDefault("connector.source", "demo-source"),
                record.getOrDefault("connector.sink", "demo-sink"));
        term.println();
        term.println("Connectors" + (restUrl == null ? "" : " (" + restUrl + ")"));
        ConnectRestClient rest = restUrl == null ? null : new ConnectRestClient(restUrl);
        if (rest == null) {
            term.println("  unknown: the run did not get as far as starting the worker");
            healthy = false;
        } else if (!workerAlive) {
            term.println("  unknown: the Connect worker is not running");
            healthy = false;
        } else {
            Connectors connectors = new Connectors(rest, names, Format.path(displayBase, state.serverLog(Server.WORKER)),
                    verbose);
            Instant cutOver = connectors.noneRegistered() && destinationAlive
                    ? AfterCutover.doneAt(destinationEndpoint(record, null, names.get(1)), names.get(1)) : null;
            if (cutOver != null) {
                term.println("  none: mysql-migrate cutover removed " + String.join(" and ", names) + " at "
                        + STARTED.format(cutOver) + ", after verifying the destination; the migration is finished");
            } else {
                for (String line : connectors.describe()) {
                    term.println("  " + line);
                }
                if (connectors.noneRegistered()) {
                    term.println("  (mysql-migrate cutover removes both once it is done and records it in the destination's "
                            + "mysql_migrate.cutovers, which status reads on a private destination; local-run keeps no password "
                            + "of an existing one. Otherwise someone deleted them: ./local-run.sh stop, then start again)");
                }
                healthy &= connectors.allRunning();
                String jmxUrl = record.get("jmx.url");
                if (jmxUrl != null && !connectors.noneRegistered()) {
                    try {
                        SourceBinlog binlog = SourceBinlog.read(jmxUrl, names.get(0));
                        term.println("  " + Format.fit(names.get(0), 14) + " " + binlog.describe());
                        healthy &= !binlog.disconnected();
                    } catch (java.io.IOException e) {
                        term.println("  " + Format.fit(names.get(0), 14) + " binlog connection unknown: " + e.getMessage());
                    }
                }
            }
        }
        term.println();
        term.println("Sink progress (mysql_migrate.sink_offsets on the destination)");
        if (!destinationAlive) {
            term.println("  unknown: the destination MariaDB is not running");
            term.println();
            term.println("Not running: ./local-run.sh starts a new run (./local-run.sh stop first if a part still runs).");
            return 1;
        }
        Endpoint destination = destinationEndpoint(record, workerAlive ? rest : null, names.get(1));
        if (destination == null) {
            term.println("  unknown: local-run keeps no password of an existing destination, and the worker that has it "
                    + (workerAlive ? "no longer runs the sink" : "does not answer")
                    + ": SELECT * FROM mysql_migrate.sink_offsets on the destination shows it");
            return 1;
        }
        List<String> topics = List.of(record.getOrDefault("topics", "").split(","));
        try (SinkWatch watch = new SinkWatch(destination, names.get(1), topics, record.get("bootstrap.servers"),
                STATUS_KAFKA_TIMEOUT)) {
            Map<String, TopicProgress> progress = watch.progress();
            term.println("  " + Format.fit("topic", 16) + " " + Format.fit("next_offset", 12) + " "
                    + Format.fit("phase", 12) + " " + Format.fit("last source event", 22) + " updated_at");
            for (TopicProgress p : progress.values()) {
                String event = p.sourceTsMs() <= 0 ? "-"
                        : TIME.format(Instant.ofEpochMilli(p.sourceTsMs())) + " ("
                                + Format.seconds((System.currentTimeMillis() - p.sourceTsMs()) * 1_000_000L) + " ago)";
                term.println("  " + Format.fit(p.topic(), 16) + " " + Format.fit(Format.count(p.nextOffset()), 12) + " "
                        + Format.fit(p.phase() == null ? "-" : p.phase(), 12) + " " + Format.fit(event, 22) + " "
                        + (p.updatedAt() == null ? "-" : p.updatedAt().toString()));
            }
            term.println("  now: " + ProgressLines.delayLine(progress) + " (source times have 1-second resolution)");
            if (!watch.kafkaAnswered()) {
                term.println("  the Kafka broker " + record.get("bootstrap.servers") + " did not answer within "
                        + STATUS_KAFKA_TIMEOUT.toMillis() / 1000.0 + " s: the events pending are unknown (see "
                        + Format.path(displayBase, state.serverLog(Server.BROKER)) + ")");
                healthy = false;
            }
        } catch (SQLException e) {
            term.println("  unknown: " + destination.explain(e).replace("\n", "\n  "));
            healthy = false;
        } catch (LocalRunException e) {
            term.println("  unknown: " + e.getMessage().replace("\n", "\n  "));
            healthy = false;
        }
        return healthy ? 0 : 1;
    }

    /**
     * How to reach the destination: the fixed account of a private one, or the sink's own configuration (the only
     * place an existing destination's password is kept) read from the worker.
     */
    private static Endpoint destinationEndpoint(Map<String, String> record, ConnectRestClient rest, String sink) {
        String address = record.get("destination.address");
        if (Boolean.parseBoolean(record.getOrDefault("destination.private", "true")) && address != null) {
            int colon = address.lastIndexOf(':');
            return new Endpoint("destination", address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                    MariaDbServer.USER, MariaDbServer.PASSWORD, true);
        }
        if (rest == null) {
            return null;
        }
        try {
            JsonNode config = rest.get("/connectors/" + sink + "/config");
            return new Endpoint("destination", config.path("destination.hostname").asText(),
                    config.path("destination.port").asInt(3306), config.path("destination.user").asText(),
                    config.path("destination.password").asText(), false);
        } catch (io.mysqlmigrate.stack.ConnectRestException e) {
            return null;
        }
    }
}
