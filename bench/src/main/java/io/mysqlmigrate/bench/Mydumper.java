package io.mysqlmigrate.bench;

import java.nio.file.Path;

/**
 * {@code mydumper} into a directory, then {@code myloader} from it (Debian's {@code mydumper} package). The whole
 * database is dumped: it holds only sbtest1 (mydumper 0.10's {@code -T db.table} together with {@code -B} dumped no
 * table at all).
 */
final class Mydumper implements Contender {
    private static final int THREADS = 2; // the machine's cores

    @Override
    public String name() {
        return "mydumper + myloader (" + THREADS + " threads)";
    }

    @Override
    public long run(BenchContext ctx) throws Exception {
        String mydumper = Shell.which("mydumper");
        String myloader = Shell.which("myloader");
        if (mydumper == null || myloader == null) {
            throw new Skipped("mydumper/myloader not installed (sudo apt-get install -y mydumper)");
        }
        Path dir = ctx.runDir().resolve("mydumper-out");
        Path log = ctx.runDir().resolve("mydumper.log");
        String src = "-h " + ctx.source().host() + " -P " + ctx.source().port() + " -u root";
        String dst = "-h " + ctx.destination().host() + " -P " + ctx.destination().port() + " -u root";
        long started = System.nanoTime();
        Shell.run(mydumper + " " + src + " -B " + BenchContext.DATABASE + " -t " + THREADS + " -r 100000 -o " + dir + " && " + myloader + " " + dst
                + " -B " + BenchContext.DATABASE + " -d " + dir + " -t " + THREADS + " -o", log);
        return System.nanoTime() - started;
    }

    @Override
    public void cleanUp(BenchContext ctx) {
        FullLoadBenchmark.deleteTree(ctx.runDir().resolve("mydumper-out"));
    }
}
