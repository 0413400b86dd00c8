package io.mysqlmigrate.bench;

/** One way of moving the source table into a fresh destination database, timed by {@link FullLoadBenchmark}. */
interface Contender {

    /** The name in the results table. */
    String name();

    /**
     * Moves {@code bench.sbtest1} from the source into the (absent or empty) destination database {@code bench} and
     * returns once the last row is committed there.
     *
     * @return the elapsed nanoseconds from the start of the move to the last row committed
     * @throws Skipped when this contender cannot run on this machine
     */
    long run(BenchContext context) throws Exception;

    /** Releases what {@link #run} left behind (connectors, files); called whatever run did. */
    default void cleanUp(BenchContext context) {
    }

    /** This contender cannot run here; the message says why. */
    final class Skipped extends Exception {
        Skipped(String why) {
            super(why);
        }
    }
}
