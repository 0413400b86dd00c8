package io.mysqlmigrate.sink.apply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ApplyThreadTest {

    @Test
    void aBatchRunsWhileTheCallerGoesOnAndItsFailureIsReturnedByAwait() throws Exception {
        try (ApplyThread thread = new ApplyThread("apply-test")) {
            CountDownLatch release = new CountDownLatch(1);
            SQLException failure = new SQLException("destination gone");
            thread.start(() -> {
                release.await();
                throw failure;
            });
            release.countDown(); // the caller went on while the batch waited
            assertSame(failure, thread.await());
            assertNull(thread.await(), "a failure is returned once");
        }
    }

    @Test
    void onlyOneBatchIsInFlight() throws Exception {
        try (ApplyThread thread = new ApplyThread("apply-test")) {
            CountDownLatch release = new CountDownLatch(1);
            thread.start(() -> {
                release.await(10, TimeUnit.SECONDS);
                return null;
            });
            assertThrows(IllegalStateException.class, () -> thread.start(() -> null));
            release.countDown();
            assertNull(thread.await());
            thread.start(() -> null); // after the await, the next one may start
            assertNull(thread.await());
        }
    }

    @Test
    void anInterruptedAwaitStillWaitsForTheBatchAndKeepsTheInterrupt() throws Exception {
        try (ApplyThread thread = new ApplyThread("apply-test")) {
            AtomicBoolean finished = new AtomicBoolean();
            thread.start(() -> {
                Thread.sleep(300); // the batch takes a while: the work await must wait for, not a wait for the system
                finished.set(true);
                return null;
            });
            Thread.currentThread().interrupt();
            assertNull(thread.await());
            assertTrue(finished.get(), "the batch ran to its end before await returned");
            assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }
}
