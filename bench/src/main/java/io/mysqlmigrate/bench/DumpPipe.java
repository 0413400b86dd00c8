package io.mysqlmigrate.bench;

import java.nio.file.Path;

/** {@code mariadb-dump --single-transaction --quick bench sbtest1 | mariadb bench}: the classic logical copy. */
final class DumpPipe implements Contender {
    @Override
    public String name() {
        return "mariadb-dump | mariadb";
    }

    @Override
    public long run(BenchContext ctx) throws Exception {
        String dump = Shell.which("mariadb-dump");
        String client = Shell.which("mariadb");
        if (dump == null || client == null) {
            throw new Skipped("mariadb-dump or mariadb not found (sudo apt-get install -y mariadb-client)");
        }
        ctx.destination().execute("CREATE DATABASE IF NOT EXISTS `" + BenchContext.DATABASE + "`");
        Path log = ctx.runDir().resolve("mariadb-dump.log");
        long started = System.nanoTime();
        Shell.run(dump + " " + Shell.clientArgs(ctx.source()) + " --single-transaction --quick "
                + BenchContext.DATABASE + " " + BenchContext.TABLE + " | " + client + " "
                + Shell.clientArgs(ctx.destination()) + " " + BenchContext.DATABASE, log);
        return System.nanoTime() - started;
    }
}
