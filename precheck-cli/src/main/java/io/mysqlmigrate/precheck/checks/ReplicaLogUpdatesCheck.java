package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A source that is itself a replica (or one side of a dual-primary pair) writes what it replicates into its own binary
 * log only with log_slave_updates (log_replica_updates on MySQL 8.0.26+); without it the migration misses every change
 * made on its primary. The statement listing its replication connections is the dialect's
 * ({@link SqlDialect#showReplicaStatus()}).
 */
public final class ReplicaLogUpdatesCheck implements Check {

    private static final int ACCESS_DENIED = 1227;

    @Override
    public String id() {
        return "source.replica.log_updates";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        SqlDialect dialect = SqlDialect.of(ctx.sourceVersion());
        String statement = dialect.showReplicaStatus();
        List<String> primaries;
        try {
            primaries = primaries(ctx.sourceConnection(), statement);
        } catch (SQLException e) {
            if (e.getErrorCode() != ACCESS_DENIED) {
                throw e;
            }
            String privilege = dialect.replicaStatusPrivilege();
            return CheckResult.warn(id(), "cannot tell whether the source is a replica: " + statement + " was refused ("
                    + e.getMessage() + ")", "If the source replicates from another server without log_slave_updates, the "
                    + "changes made there never reach its binary log, and the migration misses them.",
                    "GRANT " + privilege + " ON *.* TO " + Grants.account(ctx.sourceConnection()) + ";");
        }
        if (primaries.isEmpty()) {
            return CheckResult.pass(id(), "the source is not a replica (" + statement + " is empty)");
        }
        String value = CheckContext.variable(ctx.sourceConnection(), "log_replica_updates");
        String name = "log_replica_updates";
        if (value == null) {
            value = CheckContext.variable(ctx.sourceConnection(), "log_slave_updates");
            name = "log_slave_updates";
        }
        String found = "the source replicates from " + String.join(", ", primaries) + "; " + name + " = " + value;
        if ("ON".equalsIgnoreCase(value) || "1".equals(value)) {
            return CheckResult.pass(id(), found);
        }
        return CheckResult.fail(id(), found, "Changes the source receives from its primary are applied without being written "
                + "to its own binary log, so the migration never sees them; on a dual-primary pair, every write made on the "
                + "other side is lost.", "Add " + name + " = ON (and log_bin) to the source's my.cnf and restart it; the "
                + "variable cannot be changed while the server runs.");
    }

    /** host:port of each replication connection the statement lists. */
    private static List<String> primaries(Connection c, String statement) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(statement)) {
            boolean mysqlNames = hasColumn(rs, "Source_Host");
            while (rs.next()) {
                out.add(rs.getString(mysqlNames ? "Source_Host" : "Master_Host") + ":"
                        + rs.getString(mysqlNames ? "Source_Port" : "Master_Port"));
            }
        }
        return out;
    }

    private static boolean hasColumn(ResultSet rs, String label) throws SQLException {
        var meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (label.equalsIgnoreCase(meta.getColumnLabel(i))) {
                return true;
            }
        }
        return false;
    }
}
