package io.mysqlmigrate.precheck.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies tables in parallel, each on its own pair of connections (sessions in UTC, so TIMESTAMP values read the
 * same on both sides whatever the servers' zones). A table that cannot be read is reported as such; the others go on.
 */
public final class Verification {

    /** Opens a new connection to each server. */
    public interface Servers {
        Connection source() throws SQLException;

        Connection destination() throws SQLException;
    }

    private Verification() {
    }

    public static List<TableResult> run(List<TablePair> pairs, Servers servers, int threads, TableVerifier.Options options)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, pairs.size()))), r -> {
            Thread t = new Thread(r, "verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TableResult>> futures = new ArrayList<>();
            for (TablePair pair : pairs) {
                futures.add(pool.submit(() -> verifyOne(pair, servers, options)));
            }
            List<TableResult> results = new ArrayList<>();
            for (Future<TableResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** 0: every table identical; 1: some table differs; 2: none differs but some could not be verified (or none exist). */
    public static int exitCode(List<TableResult> results) {
        if (results.stream().anyMatch(r -> r.outcome().isDifference())) {
            return 1;
        }
        return results.isEmpty() || results.stream().anyMatch(r -> r.outcome() == TableResult.Outcome.FAILED) ? 2 : 0;
    }

    private static TableResult verifyOne(TablePair pair, Servers servers, TableVerifier.Options options) throws InterruptedException {
        long started = System.nanoTime();
        try (Connection s = utc(servers.source()); Connection d = utc(servers.destination())) {
            return TableVerifier.verify(pair, s, d, options);
        } catch (SQLException | RuntimeException e) {
            return TableResult.notCompared(pair, TableResult.Outcome.FAILED, 0, e.getMessage(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static Connection utc(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION time_zone = '+00:00'");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
