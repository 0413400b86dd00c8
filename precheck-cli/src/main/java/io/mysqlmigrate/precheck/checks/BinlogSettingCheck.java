package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.Set;

/**
 * A binary log setting the incremental migration needs on the source: the log on, ROW format, FULL row images.
 * One class, three instances: the settings differ only in name, expected value and fix.
 */
public final class BinlogSettingCheck implements Check {

    private final String id;
    private final String variable;
    private final String expected;
    private final String why;
    private final String fix;

    private BinlogSettingCheck(String id, String variable, String expected, String why, String fix) {
        this.id = id;
        this.variable = variable;
        this.expected = expected;
        this.why = why;
        this.fix = fix;
    }

    public static BinlogSettingCheck enabled() {
        return new BinlogSettingCheck("source.binlog.enabled", "log_bin", "ON",
                "Incremental migration reads the source's binary log; without it no change after the snapshot is seen.",
                "Start the source with log_bin (my.cnf: log_bin = mysql-bin, plus a server_id) and restart it.");
    }

    public static BinlogSettingCheck format() {
        return new BinlogSettingCheck("source.binlog.format", "binlog_format", "ROW",
                "Only ROW events carry the changed rows; STATEMENT or MIXED events cannot be applied exactly.",
                "SET GLOBAL binlog_format = 'ROW'; and binlog_format = ROW in my.cnf (sessions already open keep theirs "
                        + "until they reconnect).");
    }

    public static BinlogSettingCheck rowImage() {
        return new BinlogSettingCheck("source.binlog.row_image", "binlog_row_image", "FULL",
                "MINIMAL or NOBLOB images leave columns out of updates and deletes; the destination would lose them.",
                "SET GLOBAL binlog_row_image = 'FULL'; and binlog_row_image = FULL in my.cnf.");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        String value = CheckContext.variable(ctx.sourceConnection(), variable);
        String found = variable + " = " + value;
        return expected.equalsIgnoreCase(value) ? CheckResult.pass(id, found) : CheckResult.fail(id, found, why, fix);
    }
}
