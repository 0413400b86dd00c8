package io.mysqlmigrate.bench;

import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.precheck.verify.TableComparison;
import io.mysqlmigrate.stack.MariaDbServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./bench/full-load.sh [--rows N]}: starts a private stack, fills one sysbench-shaped table on the source and
 * times each contender moving it into a fresh destination database, one after another, then prints the table.
 */
public final class FullLoadBenchmark {
    private static final long DEFAULT_ROWS = 1_000_000;
    private static final long CHUNK = 250_000;
    private static final String USAGE = "usage: ./bench/full-load.sh [--rows N] [--only WORD,WORD]   (default 1,000,000 rows;"
            + " --only keeps the contenders whose name contains one of the words, e.g. --only jsonconverter,jdbc)";

    private final Path root;
    private final Path runDir;
    private final String stamp;
    private final long rows;
    private final List<String> only;
    private final BenchStack stack;

    private FullLoadBenchmark(Path root, Path runDir, String stamp, long rows, List<String> only) {
        this.root = root;
        this.runDir = runDir;
        this.stamp = stamp;
        this.rows = rows;
        this.only = only;
        this.stack = new BenchStack(root, runDir);
    }

    public static void main(String[] args) throws Exception {
        long rows = DEFAULT_ROWS;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--rows") && i + 1 < args.length) {
                rows = parseRows(args[++i]);
            } else if (a.startsWith("--rows=")) {
                rows = parseRows(a.substring("--rows=".length()));
            } else if (a.equals("--only") && i + 1 < args.length) {
                only = List.of(args[++i].toLowerCase(Locale.ROOT).split(","));
            } else if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                return;
            } else {
                System.err.println("unknown argument " + a + "; " + USAGE);
                System.exit(2);
            }
        }
        Path root = Path.of(System.getProperty("mysqlmigrate.bench.root", ".")).toAbsolutePath().normalize();
        String stamp = System.getProperty("mysqlmigrate.bench.stamp",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path runDir = root.resolve("bench/target/run-" + stamp);
        Files.createDirectories(runDir);
        FullLoadBenchmark bench = new FullLoadBenchmark(root, runDir, stamp, rows, only);
        Runtime.getRuntime().addShutdownHook(new Thread(bench.stack::close, "bench stop"));
        int exit;
        try {
            exit = bench.run();
        } finally {
            bench.stack.close();
        }
        System.exit(exit);
    }

    private static long parseRows(String text) {
        long n = Long.parseLong(text.replace("_", "").replace(",", ""));
        if (n < 1) {
            throw new IllegalArgumentException("--rows must be at least 1");
        }
        return n;
    }

    private int run() throws Exception {
        String loadBefore = BenchStack.loadAverage();
        System.out.printf(Locale.US, "Full-load benchmark: %,d rows of sysbench's sbtest1 shape, one contender after another%n", rows);
        System.out.println("Run directory (servers' data and logs): " + root.relativize(runDir));
        System.out.println("Load average before: " + loadBefore + " (" + Runtime.getRuntime().availableProcessors()
                + " cores, shared by the servers, the worker, the tools and this program)");
        BenchContext ctx = startStack();
        requirePlugins(ctx);
        fillSource(ctx);

        List<Contender> contenders = List.of(
                new ProjectPipeline("mysql-migrate (SchemaCachingJsonConverter)", "mmcache", ProjectPipeline.OUR_CONVERTER),
                new ProjectPipeline("mysql-migrate (Kafka JsonConverter)", "mmjson", ProjectPipeline.KAFKA_CONVERTER),
                new DebeziumJdbcPipeline(),
                new DumpPipe(),
                new Mydumper(),
                new LoadData()).stream()
                .filter(c -> only.isEmpty() || only.stream().anyMatch(w -> c.name().toLowerCase(Locale.ROOT).contains(w)))
                .toList();
        if (contenders.isEmpty()) {
            System.err.println("--only " + String.join(",", only) + " matches no contender");
            return 2;
        }
        System.out.print("  (warming the worker up: each Connect contender until its first rows arrive, untimed) ... ");
        System.out.flush();
        long w0 = System.nanoTime();
        for (Contender c : contenders) {
            if (c instanceof ConnectContender connect) {
                resetDestination(ctx);
                try {
                    connect.warmUp(ctx);
                } catch (Exception e) {
                    System.out.print("[" + c.name() + ": " + String.valueOf(e.getMessage()).split("\\R")[0] + "] ");
                }
            }
        }
        System.out.printf(Locale.US, "%.1f s%n", (System.nanoTime() - w0) / 1e9);
        ResultsTable table = new ResultsTable(rows);
        List<String> cpuLines = new ArrayList<>();
        for (Contender c : contenders) {
            resetDestination(ctx);
            primeSource(ctx);
            System.out.print("  " + c.name() + " ... ");
            System.out.flush();
            boolean connect = c instanceof ConnectContender;
            ProcessCpu cpu = ProcessCpu.start(stack);
            Recording recording = connect ? Recording.start(stack.worker().pid(), "full-load-" + slug(c.name())) : null;
            try {
                long nanos = c.run(ctx);
                String spent = cpu.since();
                if (recording != null) {
                    recording.stop();
                }
                String check = verify(ctx);
                System.out.printf(Locale.US, "%.1f s (%s)%n", nanos / 1e9, check);
                System.out.println("      CPU seconds: " + spent);
                cpuLines.add("- " + c.name() + ": " + spent);
                table.add(new ResultsTable.Row(c.name(), nanos, check));
            } catch (Contender.Skipped e) {
                System.out.println("skipped: " + e.getMessage());
                table.add(new ResultsTable.Row(c.name(), -1, "skipped: " + e.getMessage()));
            } catch (Exception e) {
                String why = String.valueOf(e.getMessage()).split("\\R")[0];
                System.out.println("FAILED: " + e.getMessage());
                table.add(new ResultsTable.Row(c.name(), -1, "FAILED: " + why));
            } finally {
                if (recording != null) {
                    recording.stop();
                }
                c.cleanUp(ctx);
            }
        }
        resetDestination(ctx);
        String loadAfter = BenchStack.loadAverage();

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.US, "Full load of %,d rows (one InnoDB table, sysbench sbtest1 shape), %s%n%n",
                rows, stamp));
        report.append(table.render());
        report.append('\n');
        report.append("Load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append('\n');
        report.append("\nCPU seconds per process over each contender's timed run (the dump tools' own processes are not "
                + "counted):\n").append(String.join("\n", cpuLines)).append("\n\n");
        report.append("Everything (source and destination MariaDB, Kafka broker, Connect worker, dump tools, this program)"
                + " shares this machine's " + Runtime.getRuntime().availableProcessors() + " cores.\n");
        report.append("Seconds: from the start of the move to the last row committed on the destination (Connect "
                + "contenders: COUNT(*) polled every 250 ms; command-line contenders: until the command returned).\n");
        System.out.println();
        System.out.print(report);
        Path md = root.resolve("bench/target/full-load-" + stamp + ".md");
        Files.writeString(md, "```\n" + report + "```\n");
        System.out.println("Written to " + root.relativize(md));
        return table.rows().stream().allMatch(r -> r.timed() || r.note().startsWith("skipped")) ? 0 : 1;
    }

    private BenchContext startStack() {
        stack.start(false);
        return new BenchContext(root, runDir, stack.source(), stack.destination(), stack.broker(), stack.worker(), rows);
    }

    private static void requirePlugins(BenchContext ctx) {
        List<String> plugins = ctx.rest().connectorPlugins();
        for (String cls : List.of("io.mysqlmigrate.source.MigrationSourceConnector",
                "io.mysqlmigrate.sink.MigrationSinkConnector", "io.debezium.connector.mariadb.MariaDbConnector",
                "io.debezium.connector.jdbc.JdbcSinkConnector")) {
            if (!plugins.contains(cls)) {
                throw new IllegalStateException("the worker has no plugin " + cls + " (plugin.path bench/target/plugins; "
                        + "it has " + plugins + ")");
            }
        }
    }

    private void fillSource(BenchContext ctx) {
        long t0 = System.nanoTime();
        System.out.printf(Locale.US, "Filling bench.sbtest1 on the source with %,d rows (sequence engine) ... ", rows);
        System.out.flush();
        MariaDbServer s = ctx.source();
        s.execute("CREATE DATABASE bench", "CREATE TABLE bench.sbtest1 (id INT NOT NULL AUTO_INCREMENT, "
                + "k INT NOT NULL DEFAULT 0, c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', "
                + "PRIMARY KEY (id), KEY k_1 (k))");
        for (long from = 1; from <= rows; from += CHUNK) {
            long to = Math.min(rows, from + CHUNK - 1);
            s.execute("INSERT INTO bench.sbtest1 (id, k, c, pad) SELECT seq, 1 + FLOOR(RAND() * " + rows + "), "
                    + "CONCAT_WS('-', " + digitGroups(10) + "), CONCAT_WS('-', " + digitGroups(5) + ") "
                    + "FROM bench.seq_" + from + "_to_" + to);
        }
        System.out.printf(Locale.US, "done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println("Contenders, one after another into a fresh destination database:");
    }

    /** sysbench's c and pad: groups of 11 random digits joined by '-' (10 groups: 119 chars, 5: 59). */
    private static String digitGroups(int groups) {
        List<String> g = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            g.add("LPAD(FLOOR(RAND() * 99999999999), 11, '0')");
        }
        return String.join(", ", g);
    }

    /**
     * Reads the whole source table once, untimed, before each contender: otherwise the first contender alone pays for
     * reading the table from disk (seen: whichever pipeline ran first was the slowest, whatever its converter).
     */
    private static void primeSource(BenchContext ctx) {
        ctx.source().execute("SELECT SUM(CRC32(CONCAT(c, pad))), SUM(k) FROM `" + BenchContext.DATABASE + "`.sbtest1");
    }

    private static void resetDestination(BenchContext ctx) {
        ctx.destination().execute("DROP DATABASE IF EXISTS `" + BenchContext.DATABASE + "`",
                "DROP DATABASE IF EXISTS `mysql_migrate`");
    }

    /** "verified" when definition and rows match; the difference otherwise. */
    private static String verify(BenchContext ctx) {
        try (Connection s = ctx.source().connect(); Connection d = ctx.destination().connect()) {
            List<TableComparison> result = DatabaseComparator.compare(s, d, List.of(BenchContext.DATABASE));
            if (DatabaseComparator.allMatch(result)) {
                return "verified";
            }
            boolean rowsMatch = !result.isEmpty() && result.stream().allMatch(r -> r.source() != null
                    && r.destination() != null && r.source().sameRowsAs(r.destination()));
            if (rowsMatch) {
                return "rows verified; table definition differs";
            }
            return "MISMATCH: " + String.join("; ", result.stream().filter(r -> !r.matches())
                    .map(TableComparison::describe).toList());
        } catch (Exception e) {
            return "not verified: " + e.getMessage();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left behind under the run directory
        }
    }

    /** A contender's name as a file name part: {@code mysql-migrate (shipped configuration)} → {@code mysql-migrate-shipped-configuration}. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
