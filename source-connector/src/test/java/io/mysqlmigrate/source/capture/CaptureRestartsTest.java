package io.mysqlmigrate.source.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.SocketException;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class CaptureRestartsTest {

    private static RuntimeException stoppedOn(Throwable cause) {
        // the shape Debezium's task throws from poll once its producer failed
        return new ConnectException("An exception occurred in the change event producer. This connector will be stopped.",
                new RuntimeException("Error processing binlog event", cause));
    }

    @Test
    void aConnectionBrokenMidEventRestartsTheCapture() {
        CaptureRestarts restarts = new CaptureRestarts(5000);
        assertTrue(restarts.restartAfter(stoppedOn(new EOFException())));
        assertTrue(restarts.restartAfter(stoppedOn(new SocketException("Connection reset"))));
        assertEquals(2, restarts.attempts());
        assertEquals(5000, restarts.pauseMs());
    }

    @Test
    void otherFailuresStopTheTaskAsBefore() {
        CaptureRestarts restarts = new CaptureRestarts(5000);
        assertFalse(restarts.restartAfter(stoppedOn(new IllegalStateException("schema isn't known"))));
        assertFalse(restarts.restartAfter(new ConnectException("The source's statement on table t cannot be captured")));
        assertFalse(restarts.restartAfter(stoppedOn(new com.github.shyiko.mysql.binlog.network.ServerException(
                "Could not find first log file name in binary log index file", 1236, "HY000"))), "the server refused the position");
        assertFalse(restarts.restartAfter(stoppedOn(new com.github.shyiko.mysql.binlog.network.AuthenticationException(
                "Access denied", 1045, "28000"))), "the server refused the account");
        assertEquals(0, restarts.attempts());
    }

    @Test
    void restartsAreBoundedUnlessRecordsArriveInBetween() {
        CaptureRestarts restarts = new CaptureRestarts(10);
        for (int i = 0; i < CaptureRestarts.MAX_ATTEMPTS; i++) {
            assertTrue(restarts.restartAfter(stoppedOn(new EOFException())), "attempt " + (i + 1));
        }
        assertFalse(restarts.restartAfter(stoppedOn(new EOFException())), "a source that stays unreachable fails the task");
        restarts.readSomething();
        assertTrue(restarts.restartAfter(stoppedOn(new EOFException())), "records arrived: the count starts again");
    }
}
