package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceRecordTest {
    @TempDir
    Path dir;

    @Test
    void stopFromTheRecordedDirectory() throws InterruptedException {
        Process sleeper = ProcessSupport.launch(List.of("sleep", "60"), dir, dir.resolve("out"), true);
        InstanceRecord.write(dir, "sleeper", sleeper.toHandle(), Map.of("port", "1234"));
        Map<String, String> record = InstanceRecord.read(dir);
        assertEquals("sleeper", record.get("kind"));
        assertEquals(Long.toString(sleeper.pid()), record.get("pid"));
        assertEquals("1234", record.get("port"));
        assertTrue(record.containsKey(InstanceRecord.STARTED));
        assertTrue(InstanceRecord.liveProcess(dir, "sleeper").isPresent());

        InstanceRecord.stop(dir, "sleeper", Duration.ofSeconds(10));
        // Process#isAlive lags the handle until the JDK's reaper thread has collected the exit status.
        assertTrue(sleeper.waitFor(5, TimeUnit.SECONDS));
        assertFalse(Files.exists(dir.resolve("pid")));
        InstanceRecord.stop(dir, "sleeper", Duration.ofSeconds(1)); // no-op now
    }

    @Test
    void aRecycledPidIsNotTouched() throws Exception {
        Process sleeper = ProcessSupport.launch(List.of("sleep", "60"), dir, dir.resolve("out"), false);
        try {
            InstanceRecord.write(dir, "sleeper", sleeper.toHandle(), Map.of());
            String props = Files.readString(dir.resolve("instance.properties"));
            Files.writeString(dir.resolve("instance.properties"),
                    props.replaceAll("process\\.start=.*", "process.start=2001-01-01T00\\\\:00\\\\:00Z"));
            assertTrue(InstanceRecord.liveProcess(dir, "sleeper").isEmpty());
            InstanceRecord.stop(dir, "sleeper", Duration.ofSeconds(1));
            assertTrue(sleeper.isAlive(), "a process with another start time must survive");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aDirectoryOfAnotherKindIsRefusedAndAnEmptyOneIsANoOp() {
        Process sleeper = ProcessSupport.launch(List.of("sleep", "60"), dir, dir.resolve("out"), false);
        try {
            InstanceRecord.write(dir, "mariadb", sleeper.toHandle(), Map.of());
            assertThrows(StackException.class, () -> KafkaBroker.stopFromDirectory(dir));
            assertTrue(sleeper.isAlive());
        } finally {
            sleeper.destroyForcibly();
        }
        ConnectWorker.stopFromDirectory(dir.resolve("never-used"));
    }
}
