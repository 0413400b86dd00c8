package io.mysqlmigrate.sink.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The writer pool against a real MariaDB destination: shares run on separate connections with their own commits. */
class WriterPoolOnMariaDbIT {

    private final MariaDbServer destination = SharedStack.databasesOnly().destination();

    private Connection open() throws SQLException {
        Connection c = destination.connect();
        c.setAutoCommit(false);
        return c;
    }

    @Test
    void sharesRunOnTheirOwnConnectionsEachCommittingItsShare() throws Exception {
        String db = "writer_pool_" + System.nanoTime() % 100000;
        destination.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, conn BIGINT)");
        Set<Long> connections = java.util.Collections.synchronizedSet(new HashSet<>());
        try (WriterPool pool = new WriterPool(4, this::open)) {
            List<WriterPool.Share> shares = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int id = i;
                shares.add(c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("INSERT INTO " + db + ".t VALUES (" + id + ", CONNECTION_ID())");
                        try (ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
                            rs.next();
                            connections.add(rs.getLong(1));
                        }
                    }
                });
            }
            pool.run(shares);
            assertEquals(4, connections.size(), "four connections");
            assertEquals(4, count(db), "every share committed");
        }
    }

    @Test
    void aFailingShareIsRolledBackAndItsErrorThrownAfterTheOthersFinish() throws Exception {
        String db = "writer_pool_fail_" + System.nanoTime() % 100000;
        destination.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        try (WriterPool pool = new WriterPool(3, this::open)) {
            List<WriterPool.Share> shares = List.of(
                    c -> c.createStatement().execute("INSERT INTO " + db + ".t VALUES (1)"),
                    c -> c.createStatement().execute("INSERT INTO " + db + ".t VALUES (2)"),
                    c -> {
                        c.createStatement().execute("INSERT INTO " + db + ".t VALUES (3)");
                        c.createStatement().execute("INSERT INTO " + db + ".missing VALUES (3)");
                    });
            SQLException e = assertThrows(SQLException.class, () -> pool.run(shares));
            assertEquals(1146, e.getErrorCode(), e.getMessage());
            assertEquals(2, count(db), "the shares that succeeded are committed, the failed one rolled back; a retry re-applies");
        }
    }

    @Test
    void writersThatDeadlockEndWithEveryShareAppliedTheLoserRunAgainAlone() throws Exception {
        String db = "writer_pool_deadlock_" + System.nanoTime() % 100000;
        destination.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO " + db + ".t VALUES (1, 0), (2, 0)");
        // each share locks one row, waits until the other has locked the other row, then asks for it: a deadlock InnoDB
        // breaks by rolling one share back (only on the first attempt: the loser's second run is alone)
        java.util.concurrent.CyclicBarrier bothHoldOneRow = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.BiFunction<Integer, Integer, WriterPool.Share> share = (first, second) -> c -> {
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE " + db + ".t SET v = v + " + first + " WHERE id = " + first);
                if (firstAttempt) {
                    try {
                        bothHoldOneRow.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                st.execute("UPDATE " + db + ".t SET v = v + " + first + " WHERE id = " + second);
            }
        };
        try (WriterPool pool = new WriterPool(2, this::open)) {
            pool.run(List.of(share.apply(1, 2), share.apply(2, 1)));
        }
        assertEquals(3, attempts.get(), "one share lost the deadlock and ran once more");
        try (Connection c = destination.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SUM(v) FROM " + db + ".t")) {
            rs.next();
            assertEquals(6, rs.getLong(1), "both shares applied whole: 1+1 from the first, 2+2 from the second");
        }
    }

    private long count(String db) throws SQLException {
        try (Connection c = destination.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + db + ".t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
