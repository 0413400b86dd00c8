package io.mysqlmigrate.source.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ObjectWatcherTest {

    private static final SourceObject VIEW = new SourceObject(ObjectKind.VIEW, "shop", "v", "CREATE VIEW v AS SELECT 1");

    /** A stand-in for a source connection: the watcher only asks it whether it is closed, and closes it. */
    private static Connection connection(List<String> calls) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return method.getName().equals("isClosed") ? Boolean.FALSE : null;
                });
    }

    @Test
    void eachReadingIsTakenOnceAndTheConnectionIsKept() {
        List<String> calls = new ArrayList<>();
        AtomicInteger opened = new AtomicInteger();
        try (ObjectWatcher watcher = new ObjectWatcher(() -> {
            opened.incrementAndGet();
            return connection(calls);
        }, c -> List.of(VIEW), 3_600_000, "watcher-test")) {
            assertNull(watcher.take(), "nothing read yet");
            watcher.readOnce();
            assertEquals(List.of(VIEW), watcher.take());
            assertNull(watcher.take(), "a reading is taken once");
            watcher.readOnce();
            assertEquals(List.of(VIEW), watcher.take());
            assertEquals(1, opened.get(), "one connection for every reading");
        }
        assertTrue(calls.contains("close"), "closed with the watcher");
    }

    @Test
    void aFailedReadingLeavesNothingToTakeAndReconnectsNextTime() {
        List<String> calls = new ArrayList<>();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger readings = new AtomicInteger();
        try (ObjectWatcher watcher = new ObjectWatcher(() -> {
            opened.incrementAndGet();
            return connection(calls);
        }, c -> {
            if (readings.incrementAndGet() == 1) {
                throw new SQLException("Lost connection to server during query");
            }
            return List.of(VIEW);
        }, 3_600_000, "watcher-test")) {
            watcher.readOnce();
            assertNull(watcher.take());
            watcher.readOnce();
            assertEquals(List.of(VIEW), watcher.take());
            assertEquals(2, opened.get(), "the failed reading's connection is replaced");
        }
    }
}
