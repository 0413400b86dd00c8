package io.mysqlmigrate.bench;

import io.mysqlmigrate.stack.MariaDbServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sub-second heartbeat: a row on the source whose sequence number and write time (microseconds, this machine's
 * clock) change every {@link #PERIOD_MS} ms, and probes that poll a copy of it every {@link Probe#POLL_MS} ms and
 * record, for each new sequence number seen, how long after its write it arrived. Everything runs on one machine,
 * so one clock serves both ends.
 */
final class Heartbeat implements AutoCloseable {
    static final int PERIOD_MS = 100;
    static final String TABLE = "`" + BenchContext.DATABASE + "`.`heartbeat`";

    private final AtomicLong seq = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Connection connection;
    private Thread thread;

    Heartbeat(MariaDbServer source) throws SQLException {
        source.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT PRIMARY KEY, seq BIGINT NOT NULL, written_us BIGINT NOT NULL)",
                "INSERT IGNORE INTO " + TABLE + " VALUES (1, 0, 0)");
        connection = source.connect();
    }

    /** Writes one beat now and returns its sequence number. */
    synchronized long beat() throws SQLException {
        long n = seq.incrementAndGet();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE + " SET seq = ?, written_us = ? WHERE id = 1")) {
            ps.setLong(1, n);
            ps.setLong(2, nowMicros());
            ps.executeUpdate();
        }
        return n;
    }

    void start() {
        running.set(true);
        thread = new Thread(() -> {
            while (running.get()) {
                try {
                    beat();
                    Thread.sleep(PERIOD_MS);
                } catch (SQLException | InterruptedException e) {
                    return;
                }
            }
        }, "heartbeat");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.join(5000);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        connection.close();
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    /** Polls one server's copy of the heartbeat row. */
    static final class Probe implements AutoCloseable {
        static final int POLL_MS = 5;
        private final List<Long> delaysMicros = Collections.synchronizedList(new ArrayList<>());
        /** Wall-clock millisecond at which each delay of {@link #delaysMicros} was seen, same order. */
        private final List<Long> seenAtMillis = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong lastSeq = new AtomicLong(-1);
        private volatile long lastSeenNanos;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Probe(MariaDbServer server, String name) {
            thread = new Thread(() -> {
                try (Connection c = server.connect();
                     PreparedStatement ps = c.prepareStatement("SELECT seq, written_us FROM " + TABLE + " WHERE id = 1")) {
                    while (running.get()) {
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                long s = rs.getLong(1);
                                if (s > lastSeq.get()) {
                                    if (lastSeq.get() >= 0) {
                                        synchronized (delaysMicros) {
                                            delaysMicros.add(nowMicros() - rs.getLong(2));
                                            seenAtMillis.add(System.currentTimeMillis());
                                        }
                                    }
                                    lastSeenNanos = System.nanoTime();
                                    lastSeq.set(s);
                                }
                            }
                        } catch (SQLException notYet) {
                            // the table arrives with the migration
                        }
                        Thread.sleep(POLL_MS);
                    }
                } catch (SQLException | InterruptedException e) {
                    System.err.println("probe " + name + " stopped: " + e.getMessage());
                }
            }, "probe-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        long lastSeq() {
            return lastSeq.get();
        }

        /** Forgets the delays seen so far (a new phase starts). */
        void reset() {
            synchronized (delaysMicros) {
                delaysMicros.clear();
                seenAtMillis.clear();
            }
        }

        /**
         * The slowest beats since the last reset, as "delay at wall-clock time", slowest first: to line a delay's
         * spikes up with the servers' and the worker's logs.
         */
        String slowest(int n) {
            List<long[]> beats = new ArrayList<>();
            synchronized (delaysMicros) {
                for (int i = 0; i < delaysMicros.size(); i++) {
                    beats.add(new long[] {delaysMicros.get(i), seenAtMillis.get(i)});
                }
            }
            beats.sort((a, b) -> Long.compare(b[0], a[0]));
            java.time.format.DateTimeFormatter clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                    .withZone(java.time.ZoneId.systemDefault());
            List<String> parts = new ArrayList<>();
            for (long[] beat : beats.subList(0, Math.min(n, beats.size()))) {
                parts.add(ms(beat[0]) + " at " + clock.format(java.time.Instant.ofEpochMilli(beat[1])));
            }
            return String.join(", ", parts);
        }

        /** Waits until the copy shows at least this beat; returns the nanoTime this probe first saw it. */
        long awaitSeq(long seq, long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000;
            while (lastSeq.get() < seq) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("heartbeat " + seq + " did not arrive within " + timeoutMs / 1000 + " s");
                }
                Thread.sleep(1);
            }
            return lastSeenNanos;
        }

        /** "p50 / p99 / max" of the delays seen since the last reset, in milliseconds. */
        String summary() {
            List<Long> d;
            synchronized (delaysMicros) {
                d = new ArrayList<>(delaysMicros);
            }
            if (d.isEmpty()) {
                return "no beats arrived";
            }
            Collections.sort(d);
            return String.format(Locale.US, "%s / %s / %s (%d beats)", ms(percentile(d, 0.50)), ms(percentile(d, 0.99)),
                    ms(d.get(d.size() - 1)), d.size());
        }

        private static long percentile(List<Long> sorted, double p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }

        private static String ms(long micros) {
            return micros >= 1_000_000 ? String.format(Locale.US, "%.1f s", micros / 1e6) : String.format(Locale.US, "%.1f ms", micros / 1e3);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }
}
