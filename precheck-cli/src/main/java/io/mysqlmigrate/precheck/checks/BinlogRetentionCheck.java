package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * The source keeps its binary logs long enough for the sink to catch up after an outage: under 3 days is a warning
 * (7 recommended, as DTS does). MySQL 8 and MariaDB 10.6+ both have binlog_expire_logs_seconds; older MariaDB only
 * expire_logs_days.
 */
public final class BinlogRetentionCheck implements Check {

    static final Duration MINIMUM = Duration.ofDays(3);
    static final Duration RECOMMENDED = Duration.ofDays(7);

    @Override
    public String id() {
        return "source.binlog.retention";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        String seconds = CheckContext.variable(ctx.sourceConnection(), "binlog_expire_logs_seconds");
        String days = CheckContext.variable(ctx.sourceConnection(), "expire_logs_days");
        long retention = seconds != null ? Long.parseLong(seconds) : days != null ? (long) (Double.parseDouble(days) * 86_400) : 0;
        if (retention == 0) {
            return CheckResult.pass(id(), "binary logs are never purged automatically");
        }
        String found = "binary logs kept " + Duration.ofSeconds(retention).toHours() + " h";
        if (retention < MINIMUM.toSeconds()) {
            return CheckResult.warn(id(), found, "A sink or worker outage longer than that loses the position the migration "
                    + "resumes from, and the migration must start over.", "SET GLOBAL binlog_expire_logs_seconds = "
                    + RECOMMENDED.toSeconds() + "; and the same in my.cnf (on Amazon RDS: CALL mysql.rds_set_configuration("
                    + "'binlog retention hours', 168);).");
        }
        return CheckResult.pass(id(), found);
    }
}
