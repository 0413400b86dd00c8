package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.Set;

/**
 * Informational: how the source numbers its transactions. The capture works with and without GTIDs; with them a
 * failover to another server of the source can resume at the same place. MySQL has gtid_mode; MariaDB always writes
 * its own GTIDs (domain-server-sequence) and has no gtid_mode.
 */
public final class GtidModeCheck implements Check {

    @Override
    public String id() {
        return "source.gtid_mode";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        var c = ctx.sourceConnection();
        if (ctx.sourceVersion().isMariaDb()) {
            return CheckResult.pass(id(), "MariaDB GTIDs are always written; gtid_strict_mode = "
                    + CheckContext.variable(c, "gtid_strict_mode") + ", gtid_binlog_pos = '"
                    + CheckContext.variable(c, "gtid_binlog_pos") + "'");
        }
        return CheckResult.pass(id(), "gtid_mode = " + CheckContext.variable(c, "gtid_mode") + ", enforce_gtid_consistency = "
                + CheckContext.variable(c, "enforce_gtid_consistency"));
    }
}
