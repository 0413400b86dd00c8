package io.mysqlmigrate.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private long now;
    private final List<Long> sleeps = new ArrayList<>();

    private Throttle throttle(double rows, double bytes) {
        return new Throttle(rows, bytes, () -> now, millis -> {
            sleeps.add(millis);
            now += millis * 1_000_000;
        });
    }

    @Test
    void batchesArePacedToTheRowCap() throws InterruptedException {
        Throttle t = throttle(1000, 0);
        assertEquals(0, t.acquire(500, 0), "the first batch goes at once");
        assertEquals(500, t.acquire(500, 0), "the second waits for the first's half second");
        assertEquals(500, t.acquire(100, 0));
        now += 2_000_000_000L; // idle for two seconds: nothing owed
        assertEquals(0, t.acquire(100, 0));
    }

    @Test
    void theTighterOfRowsAndBytesWins() throws InterruptedException {
        Throttle t = throttle(1_000_000, 1_000_000); // a million rows/s, 1 MB/s
        t.acquire(10, 2_000_000);
        assertEquals(2000, t.acquire(10, 0), "two megabytes take two seconds at 1 MB/s");
    }

    @Test
    void withoutCapsNothingWaits() throws InterruptedException {
        Throttle t = throttle(0, 0);
        assertFalse(t.limited());
        assertEquals(0, t.acquire(1_000_000, 1_000_000_000));
        assertEquals(List.of(), sleeps);
    }

    @Test
    void rowBytesCountsTextAndBytes() {
        Schema row = SchemaBuilder.struct().field("s", Schema.OPTIONAL_STRING_SCHEMA).field("b", Schema.OPTIONAL_BYTES_SCHEMA)
                .field("n", Schema.INT64_SCHEMA).build();
        assertEquals(5 + 3 + 8, RowBytes.of(new Struct(row).put("s", "hello").put("b", new byte[3]).put("n", 1L)));
    }
}
