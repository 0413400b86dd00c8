package io.mysqlmigrate.bench;

import io.mysqlmigrate.stack.MariaDbServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** sysbench's oltp_write_only against a private server's {@code bench} database. */
final class Sysbench {
    /** Row changes per oltp_write_only transaction: one indexed update, one other update, one delete, one insert. */
    static final int ROW_CHANGES_PER_TRANSACTION = 4;
    private static final Pattern TRANSACTIONS = Pattern.compile("transactions:\\s+(\\d+)\\s+\\(([0-9.]+) per sec");

    private final MariaDbServer server;
    private final int tables;
    private final int tableSize;
    private final Path logDir;

    Sysbench(MariaDbServer server, int tables, int tableSize, Path logDir) {
        this.server = server;
        this.tables = tables;
        this.tableSize = tableSize;
        this.logDir = logDir;
    }

    void prepare() throws IOException, InterruptedException {
        Shell.run(command("prepare", 2, 0, 0), logDir.resolve("sysbench-prepare.log"));
    }

    /** Runs the write load; {@code rate} 0 is as fast as it goes. */
    Result run(String label, int threads, int seconds, int rate) throws IOException, InterruptedException {
        Path log = logDir.resolve("sysbench-" + label + ".log");
        Shell.run(command("run", threads, seconds, rate), log);
        Matcher m = TRANSACTIONS.matcher(Files.readString(log));
        if (!m.find()) {
            throw new IOException("no transaction count in " + log);
        }
        return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)));
    }

    private String command(String action, int threads, int seconds, int rate) {
        return String.format(Locale.US, "sysbench oltp_write_only --db-driver=mysql --mysql-host=%s --mysql-port=%d "
                        + "--mysql-user=root --mysql-password= --mysql-db=%s --tables=%d --table-size=%d --threads=%d "
                        + "--time=%d --rate=%d --report-interval=0 %s",
                server.host(), server.port(), BenchContext.DATABASE, tables, tableSize, threads, seconds, rate, action);
    }

    record Result(long transactions, double perSecond) {
        long rowChanges() {
            return transactions * ROW_CHANGES_PER_TRANSACTION;
        }
    }
}
