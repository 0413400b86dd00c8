package io.mysqlmigrate.source.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.source.metrics.SourceTaskMetrics;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BinlogConnectionWatchTest {

    private final AtomicReference<BinlogConnectionWatch.Reading> reading = new AtomicReference<>();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SourceTaskMetrics metrics = new SourceTaskMetrics();
    private final BinlogConnectionWatch watch = new BinlogConnectionWatch(reading::get, now::get, metrics, "db1:3306 (server 7)",
            "binlog.keepalive.interval.ms=5000");

    private void read(Boolean connected, long disconnects) {
        reading.set(connected == null ? null : new BinlogConnectionWatch.Reading(connected, disconnects));
        now.addAndGet(1000);
        watch.check();
    }

    @Test
    void theSnapshotIsNotALoss() {
        read(null, 0);
        read(false, 0);
        assertEquals("NOT_STREAMING", metrics.getBinlogConnection(), "Debezium reports not connected before streaming starts");
        assertFalse(metrics.isBinlogConnected());
        read(true, 0);
        assertEquals("CONNECTED", metrics.getBinlogConnection());
        assertTrue(metrics.isBinlogConnected());
        assertEquals(0, metrics.getBinlogReconnects());
    }

    @Test
    void aLossShowsUntilTheReaderIsBackAndCountsOneReconnection() {
        read(true, 0);
        read(false, 1);
        assertEquals("DISCONNECTED", metrics.getBinlogConnection());
        assertFalse(metrics.isBinlogConnected());
        read(false, 1);
        read(false, 1);
        assertEquals(0, metrics.getBinlogReconnects(), "not back yet");
        read(true, 1);
        assertEquals("CONNECTED", metrics.getBinlogConnection());
        assertEquals(1, metrics.getBinlogReconnects());
        assertEquals(0, metrics.getBinlogDisconnectedSeconds());
        read(true, 1);
        assertEquals(1, metrics.getBinlogReconnects(), "a steady connection counts nothing more");
    }

    @Test
    void aLossAndReconnectionBetweenTwoReadingsStillCounts() {
        read(true, 0);
        read(true, 2);
        assertEquals(1, metrics.getBinlogReconnects(), "the disconnect count moved while both readings were connected");
        assertEquals("CONNECTED", metrics.getBinlogConnection());
    }

    @Test
    void aConnectionLostBeforeTheFirstReadingIsReportedAsLost() {
        // connected and lost (a server-side KILL) within the second before the watch first looked
        read(false, 1);
        assertEquals("DISCONNECTED", metrics.getBinlogConnection());
        assertFalse(metrics.isBinlogConnected());
        read(true, 1);
        assertEquals("CONNECTED", metrics.getBinlogConnection());
        assertEquals(1, metrics.getBinlogReconnects());
    }

    @Test
    void aConnectionLostAndBackBeforeTheFirstReadingCountsOneReconnection() {
        read(true, 1);
        assertEquals("CONNECTED", metrics.getBinlogConnection());
        assertEquals(1, metrics.getBinlogReconnects());
    }

    @Test
    void theSecondsDisconnectedGrowWhileTheConnectionIsDown() {
        read(true, 0);
        metrics.binlogDisconnected(System.currentTimeMillis() - 12_500);
        assertEquals(12, metrics.getBinlogDisconnectedSeconds());
    }

    @Test
    void stoppingTheCaptureOnPurposeIsNotALoss() {
        read(true, 0);
        watch.close();
        assertEquals("NOT_STREAMING", metrics.getBinlogConnection());
        assertEquals(0, metrics.getBinlogReconnects());
    }
}
