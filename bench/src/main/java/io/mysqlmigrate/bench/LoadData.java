package io.mysqlmigrate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * {@code SELECT ... INTO OUTFILE} on the source, then {@code LOAD DATA INFILE} on the destination: both servers run
 * on this machine, so the file written by one is read by the other. The table is created from the source's
 * {@code SHOW CREATE TABLE} first (inside the timing).
 */
final class LoadData implements Contender {
    @Override
    public String name() {
        return "SELECT INTO OUTFILE + LOAD DATA INFILE";
    }

    @Override
    public long run(BenchContext ctx) throws Exception {
        Path file = ctx.runDir().resolve("sbtest1.tsv").toAbsolutePath();
        Files.deleteIfExists(file);
        try (Connection s = ctx.source().connect(); Statement ss = s.createStatement();
                Connection d = ctx.destination().connect(); Statement ds = d.createStatement()) {
            String priv = scalar(ss, "SELECT IFNULL(@@secure_file_priv, 'NULL')");
            if (!priv.isEmpty() && !file.startsWith(priv)) {
                throw new Skipped("the source's secure_file_priv is '" + priv + "'");
            }
            long started = System.nanoTime();
            String ddl;
            try (ResultSet rs = ss.executeQuery("SHOW CREATE TABLE " + ctx.qualifiedTable())) {
                rs.next();
                ddl = rs.getString(2);
            }
            ss.execute("SELECT id, k, c, pad INTO OUTFILE '" + file + "' CHARACTER SET utf8mb4 FROM "
                    + ctx.qualifiedTable());
            ds.execute("CREATE DATABASE IF NOT EXISTS `" + BenchContext.DATABASE + "`");
            ds.execute("USE `" + BenchContext.DATABASE + "`");
            ds.execute(ddl);
            ds.execute("LOAD DATA INFILE '" + file + "' INTO TABLE " + ctx.qualifiedTable()
                    + " CHARACTER SET utf8mb4 (id, k, c, pad)");
            return System.nanoTime() - started;
        }
    }

    private static String scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void cleanUp(BenchContext ctx) {
        try {
            Files.deleteIfExists(ctx.runDir().resolve("sbtest1.tsv"));
        } catch (Exception e) {
            // left behind under the run directory
        }
    }
}
