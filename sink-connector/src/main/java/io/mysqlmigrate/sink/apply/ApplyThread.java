package io.mysqlmigrate.sink.apply;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that writes a batch to the destination while Connect's task thread fetches and converts the next
 * batch. At most one batch is in flight: {@link #start} refuses a second before the first has been awaited, so
 * batches still commit one after another, in order.
 *
 * <p>Why: the profile of a catch-up showed the task thread busy only about half the time; the rest it waited for
 * the destination to execute the statements it had just sent. Converting the next batch meanwhile uses that wait.
 */
public final class ApplyThread implements AutoCloseable {

    private final ExecutorService executor;
    private Future<?> running;

    public ApplyThread(String name) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts applying a batch; the previous one must have been awaited. */
    public void start(Callable<Void> batch) {
        if (running != null) {
            throw new IllegalStateException("A batch is still being applied; await it first");
        }
        running = executor.submit(batch);
    }

    /**
     * Waits until the batch in flight (if any) has finished, and returns what it threw, or null. An interrupt of the
     * waiting thread does not abandon the batch (it holds the destination connection); it is waited for all the same
     * and the interrupt is kept.
     */
    public Throwable await() {
        if (running == null) {
            return null;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    running.get();
                    return null;
                } catch (ExecutionException e) {
                    return e.getCause();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            running = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the batch in flight, then ends the thread. */
    @Override
    public void close() {
        await();
        executor.shutdownNow();
    }
}
