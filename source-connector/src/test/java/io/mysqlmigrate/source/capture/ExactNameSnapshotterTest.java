package io.mysqlmigrate.source.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class ExactNameSnapshotterTest {

    @Test
    void theChosenModeTravelsToDebeziumsOwnSnapshotterThroughOurs() {
        Map<String, String> routed = ExactNameSnapshotter.routed(Map.of("snapshot.mode", "initial_only", "topic.prefix", "p"));
        assertEquals("custom", routed.get("snapshot.mode"));
        assertEquals(ExactNameSnapshotter.NAME, routed.get("snapshot.mode.custom.name"));
        assertEquals("initial_only", routed.get(ExactNameSnapshotter.MODE));
        assertEquals("p", routed.get("topic.prefix"));
    }

    @Test
    void aCustomModeSetByHandIsRefusedNamingTheSettingsToRemove() {
        ConnectException e = assertThrows(ConnectException.class,
                () -> ExactNameSnapshotter.routed(Map.of("snapshot.mode", "custom", "snapshot.mode.custom.name", "mine")));
        assertTrue(e.getMessage().contains("Remove debezium.snapshot.mode and debezium.snapshot.mode.custom.name"), e.getMessage());
    }

    @Test
    void withoutTheModeDebeziumWouldUseTheSnapshotterRefusesToStart() {
        ExactNameSnapshotter snapshotter = new ExactNameSnapshotter();
        ConnectException e = assertThrows(ConnectException.class, () -> snapshotter.configure(Map.of()));
        assertTrue(e.getMessage().contains(ExactNameSnapshotter.MODE), e.getMessage());
    }
}
