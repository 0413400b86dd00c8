package io.mysqlmigrate.bench;

import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.precheck.verify.TableComparison;
import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.MariaDbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./bench/incremental.sh}: sysbench's oltp_write_only on the source, applied at once by this project's
 * pipeline (source connector, Kafka, sink connector) into the destination and by MariaDB's native single-threaded
 * replication into a replica, side by side. Prints the delay of a 100 ms heartbeat (p50 / p99 / max) at fixed
 * rates and at full speed, and each applier's catch-up rate over the same backlog, applied alone.
 */
public final class IncrementalBenchmark {
    private static final String USAGE = "usage: ./bench/incremental.sh [--rates 200,500] [--seconds 30] [--threads 2] "
            + "[--tables 4] [--table-size 25000] [--writers 1] [--poll-ms N] [--settle-seconds 5] [--warm-up-seconds 20]";
    private static final String PREFIX = "mminc";

    private final Path root;
    private final Path runDir;
    private final String stamp;
    private final BenchStack stack;
    private final Map<String, String> options;

    private IncrementalBenchmark(Path root, Path runDir, String stamp, Map<String, String> options) {
        this.root = root;
        this.runDir = runDir;
        this.stamp = stamp;
        this.options = options;
        this.stack = new BenchStack(root, runDir);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.LinkedHashMap<>(Map.of("rates", "200", "seconds", "30", "threads", "2",
                "tables", "4", "table-size", "25000", "writers", "1", "poll-ms", "0", "settle-seconds", "5",
                "warm-up-seconds", "20"));
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (key.equals("help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            if (!options.containsKey(key) || i + 1 >= args.length) {
                System.err.println("unknown argument " + args[i] + "; " + USAGE);
                System.exit(2);
            }
            options.put(key, args[++i]);
        }
        Path root = Path.of(System.getProperty("mysqlmigrate.bench.root", ".")).toAbsolutePath().normalize();
        String stamp = System.getProperty("mysqlmigrate.bench.stamp",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path runDir = root.resolve("bench/target/run-" + stamp);
        Files.createDirectories(runDir);
        IncrementalBenchmark bench = new IncrementalBenchmark(root, runDir, stamp, options);
        Runtime.getRuntime().addShutdownHook(new Thread(bench.stack::close, "bench stop"));
        try {
            bench.run();
        } finally {
            bench.stack.close();
        }
        System.exit(0);
    }

    private int opt(String name) {
        return Integer.parseInt(options.get(name).replace("_", ""));
    }

    private void run() throws Exception {
        int seconds = opt("seconds");
        int threads = opt("threads");
        System.out.printf(Locale.US, "Incremental benchmark: sysbench oltp_write_only, %d tables of %,d rows, %d threads, %d s per phase;"
                + " sink apply.writers=%d, source poll.interval.ms=%s%n", opt("tables"), opt("table-size"), threads, seconds, opt("writers"),
                opt("poll-ms") > 0 ? options.get("poll-ms") : "default");
        System.out.println("Run directory (servers' data and logs): " + root.relativize(runDir));
        System.out.println("Load average before: " + BenchStack.loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
                + " cores, shared by everything)");
        if (Shell.which("sysbench") == null) {
            throw new IllegalStateException("sysbench not found. Fix: sudo apt-get install -y sysbench");
        }
        stack.start(true);
        MariaDbServer source = stack.source();
        MariaDbServer replica = stack.replica();
        startReplication(source, replica);
        source.execute("CREATE DATABASE " + BenchContext.DATABASE);
        Sysbench sysbench = new Sysbench(source, opt("tables"), opt("table-size"), runDir);
        List<String[]> table = new ArrayList<>();
        try (Heartbeat heartbeat = new Heartbeat(source)) {
            long t0 = System.nanoTime();
            System.out.print("sysbench prepare on the source ... ");
            System.out.flush();
            sysbench.prepare();
            System.out.printf(Locale.US, "%.1f s%n", (System.nanoTime() - t0) / 1e9);

            BenchContext ctx = new BenchContext(root, runDir, source, stack.destination(), stack.broker(), stack.worker(),
                    (long) opt("tables") * opt("table-size"));
            ConnectRestClient rest = ctx.rest();
            Map<String, Map<String, String>> connectors = new ProjectPipeline("mysql-migrate", PREFIX, ProjectPipeline.OUR_CONVERTER)
                    .connectors(ctx, PREFIX);
            String sinkName = connectors.keySet().iterator().next();
            connectors.get(sinkName).put("apply.writers", Integer.toString(opt("writers")));
            if (opt("poll-ms") > 0) { // else the source's default
                connectors.values().stream().skip(1).forEach(capture -> capture.put("poll.interval.ms", Integer.toString(opt("poll-ms"))));
            }
            t0 = System.nanoTime();
            System.out.print("Initial copy (our snapshot; the replica replays the prepare) ... ");
            System.out.flush();
            connectors.forEach(rest::createOrUpdate);
            try (Heartbeat.Probe ours = new Heartbeat.Probe(stack.destination(), "mysql-migrate");
                 Heartbeat.Probe nat = new Heartbeat.Probe(replica, "replication")) {
                awaitSameCounts(source, stack.destination(), opt("tables"));
                awaitSameCounts(source, replica, opt("tables"));
                long first = heartbeat.beat();
                ours.awaitSeq(first, 30 * 60_000L);
                nat.awaitSeq(first, 30 * 60_000L);
                System.out.printf(Locale.US, "%.1f s%n", (System.nanoTime() - t0) / 1e9);

                if (opt("warm-up-seconds") > 0) {
                    // As the full-load bench warms the worker before timing: right after the initial copy the worker's
                    // streaming paths have not run yet, and their first seconds are slower (printed here, not in the table).
                    int rate = Integer.parseInt(options.get("rates").split(",")[0].trim());
                    livePhase(sysbench, heartbeat, ours, nat, "warm-up at " + rate + " tx/s (untimed, not in the table)", threads,
                            opt("warm-up-seconds"), rate);
                }
                for (String r : options.get("rates").split(",")) {
                    int rate = Integer.parseInt(r.trim());
                    table.add(livePhase(sysbench, heartbeat, ours, nat, rate + " tx/s", threads, seconds, rate));
                }
                table.add(livePhase(sysbench, heartbeat, ours, nat, "full speed", threads, seconds, 0));

                System.out.print("Catch-up: sink paused and the replica's SQL thread stopped, sysbench at full speed for "
                        + seconds + " s ... ");
                System.out.flush();
                rest.pause(sinkName);
                replica.execute("STOP SLAVE SQL_THREAD");
                Sysbench.Result backlog = sysbench.run("backlog", threads, seconds, 0);
                long marker = heartbeat.beat();
                awaitTopicSettled(PREFIX + "." + BenchContext.DATABASE);
                awaitRelayLogComplete(source, replica);
                System.out.printf(Locale.US, "%,d transactions (%,d row changes)%n", backlog.transactions(), backlog.rowChanges());
                long s0 = System.nanoTime();
                Recording recording = Recording.start(stack.worker().pid(), "catch-up");
                rest.resume(sinkName);
                double oursSeconds = (ours.awaitSeq(marker, 60 * 60_000L) - s0) / 1e9;
                recording.stop();
                long n0 = System.nanoTime();
                replica.execute("START SLAVE SQL_THREAD");
                double nativeSeconds = (nat.awaitSeq(marker, 60 * 60_000L) - n0) / 1e9;
                table.add(new String[] {"catch-up over the same backlog, applied alone",
                        String.format(Locale.US, "%,.0f rows/s (%.1f s)", backlog.rowChanges() / oursSeconds, oursSeconds),
                        String.format(Locale.US, "%,.0f rows/s (%.1f s)", backlog.rowChanges() / nativeSeconds, nativeSeconds),
                        String.format(Locale.US, "%.2fx", nativeSeconds / oursSeconds)});
            }
        }
        String checkOurs = verify(source, stack.destination());
        String checkNative = verify(source, replica);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.US, "Incremental apply, sysbench oltp_write_only (%d tables x %,d rows, %d threads, "
                + "%d s per phase), sink apply.writers=%d, source poll.interval.ms=%s, %s%n%n", opt("tables"), opt("table-size"), threads,
                seconds, opt("writers"), opt("poll-ms") > 0 ? options.get("poll-ms") : "default", stamp));
        report.append(render(table));
        report.append("\nDelay: a heartbeat row written on the source every ").append(Heartbeat.PERIOD_MS)
                .append(" ms, polled on each copy every ").append(Heartbeat.Probe.POLL_MS)
                .append(" ms; p50 / p99 / max of write-to-seen times. Live phases run both appliers at once beside sysbench.\n");
        report.append("Catch-up: row changes (").append(Sysbench.ROW_CHANGES_PER_TRANSACTION)
                .append(" per transaction) divided by the time from resuming the applier to the last beat seen; "
                        + "ratio = our speed / native replication's.\n");
        report.append("Checks after the run: mysql-migrate ").append(checkOurs).append("; replica ").append(checkNative).append('\n');
        report.append("Load average after: ").append(BenchStack.loadAverage()).append(". Everything (three MariaDB servers, the broker, "
                + "the worker, sysbench, this program) shares this machine's ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores.\n");
        System.out.println();
        System.out.print(report);
        Path md = root.resolve("bench/target/incremental-" + stamp + ".md");
        Files.writeString(md, "```\n" + report + "```\n");
        System.out.println("Written to " + root.relativize(md));
    }

    /**
     * One live phase: the load runs {@code settle + seconds}; the delays of the first {@code settle} seconds (the load
     * and both appliers getting going: just after the initial copy, our worker's streaming paths are not compiled yet)
     * are printed apart and left out of the table, which reports the sustained delay over the remaining seconds.
     */
    private String[] livePhase(Sysbench sysbench, Heartbeat heartbeat, Heartbeat.Probe ours, Heartbeat.Probe nat, String label,
                               int threads, int seconds, int rate) throws Exception {
        int settle = opt("settle-seconds");
        System.out.print("Live, " + label + " ... ");
        System.out.flush();
        ours.reset();
        nat.reset();
        heartbeat.start();
        String[] settling = new String[2];
        Thread settler = new Thread(() -> {
            try {
                Thread.sleep(settle * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            settling[0] = ours.summary() + "; slowest " + ours.slowest(3);
            settling[1] = nat.summary() + "; slowest " + nat.slowest(3);
            ours.reset();
            nat.reset();
        }, "settle");
        if (settle > 0) {
            settler.start();
        }
        Sysbench.Result result = sysbench.run(label.replaceAll("[^A-Za-z0-9]+", "-"), threads, settle + seconds, rate);
        settler.join();
        heartbeat.stop();
        long last = heartbeat.beat();
        long end = System.nanoTime();
        double oursDrain = (ours.awaitSeq(last, 30 * 60_000L) - end) / 1e9;
        double nativeDrain = (nat.awaitSeq(last, 30 * 60_000L) - end) / 1e9;
        System.out.printf(Locale.US, "%.0f tx/s achieved%n", result.perSecond());
        if (settle > 0) {
            System.out.println("  first " + settle + " s (settling, not in the table), mysql-migrate: " + settling[0]);
            System.out.println("  first " + settle + " s (settling, not in the table), replication:   " + settling[1]);
        }
        System.out.println("  slowest beats, mysql-migrate: " + ours.slowest(5));
        System.out.println("  slowest beats, replication:   " + nat.slowest(5));
        return new String[] {String.format(Locale.US, "delay p50 / p99 / max at %s (%.0f tx/s achieved%s)", label, result.perSecond(),
                settle > 0 ? ", after " + settle + " s settling" : ""),
                ours.summary() + drain(oursDrain), nat.summary() + drain(nativeDrain), ""};
    }

    private static String drain(double seconds) {
        return seconds < 0.5 ? "" : String.format(Locale.US, "; %.1f s behind when the load stopped", seconds);
    }

    /** Waits until every sysbench table has the source's row count on the copy (the initial copy is done). */
    private static void awaitSameCounts(MariaDbServer source, MariaDbServer copy, int tables) throws Exception {
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        for (int i = 1; i <= tables; i++) {
            String sql = "SELECT COUNT(*) FROM `" + BenchContext.DATABASE + "`.sbtest" + i;
            long expected = count(source, sql);
            while (true) {
                try {
                    if (count(copy, sql) == expected) {
                        break;
                    }
                } catch (SQLException notYet) {
                    // the table is not there yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("sbtest" + i + " did not reach " + expected + " rows within an hour");
                }
                Thread.sleep(250);
            }
        }
    }

    private static long count(MariaDbServer server, String sql) throws SQLException {
        try (Connection c = server.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void startReplication(MariaDbServer source, MariaDbServer replica) throws SQLException {
        String file;
        long pos;
        try (Connection c = source.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
            if (!rs.next()) {
                throw new IllegalStateException("the source has no binary log");
            }
            file = rs.getString(1);
            pos = rs.getLong(2);
        }
        replica.execute("CHANGE MASTER TO MASTER_HOST='" + source.host() + "', MASTER_PORT=" + source.port()
                + ", MASTER_USER='root', MASTER_PASSWORD='', MASTER_LOG_FILE='" + file + "', MASTER_LOG_POS=" + pos, "START SLAVE");
    }

    /** Waits until the replica's I/O thread has fetched the source's whole binary log. */
    private static void awaitRelayLogComplete(MariaDbServer source, MariaDbServer replica) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            String sourceAt;
            String replicaAt;
            try (Connection c = source.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
                rs.next();
                sourceAt = rs.getString(1) + ":" + rs.getLong(2);
            }
            try (Connection c = replica.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW SLAVE STATUS")) {
                rs.next();
                replicaAt = rs.getString("Master_Log_File") + ":" + rs.getLong("Read_Master_Log_Pos");
            }
            if (sourceAt.equals(replicaAt)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the replica's I/O thread did not catch up within 10 minutes");
    }

    /** Waits until the source connector has written everything: the topic's end offset unchanged for 3 s. */
    private void awaitTopicSettled(String topic) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            long last = -1;
            long stableSince = System.nanoTime();
            while (System.nanoTime() - stableSince < 3_000_000_000L) {
                long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
                if (end != last) {
                    last = end;
                    stableSince = System.nanoTime();
                }
                Thread.sleep(250);
            }
        }
    }

    private static String verify(MariaDbServer source, MariaDbServer copy) {
        try (Connection s = source.connect(); Connection d = copy.connect()) {
            List<TableComparison> result = DatabaseComparator.compare(s, d, List.of(BenchContext.DATABASE));
            return DatabaseComparator.allMatch(result) ? "verified equal to the source"
                    : "MISMATCH: " + String.join("; ", result.stream().filter(r -> !r.matches()).map(TableComparison::describe).toList());
        } catch (Exception e) {
            return "not verified: " + e.getMessage();
        }
    }

    private static String render(List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"measure", "mysql-migrate (source + Kafka + sink)", "MariaDB replication (single-threaded)", "ratio"});
        all.addAll(rows);
        int[] width = new int[4];
        for (String[] r : all) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < all.size(); n++) {
            String[] r = all.get(n);
            out.append('|');
            for (int i = 0; i < 4; i++) {
                out.append(' ').append(String.format("%-" + width[i] + "s", r[i])).append(" |");
            }
            out.append('\n');
            if (n == 0) {
                out.append('|');
                for (int i = 0; i < 4; i++) {
                    out.append(' ').append("-".repeat(width[i])).append(" |");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
