package io.mysqlmigrate.localrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers the operator named ({@code --source-*}, {@code --destination-*}), checked before anything starts: the
 * source has the databases and a row-based binary log with full images; the destination has none of the databases and
 * no progress of an earlier sink of the same name.
 */
final class ExistingServers {
    private ExistingServers() {
    }

    static void check(RunPlan plan, Terminal term) throws SQLException {
        term.println();
        term.println("Existing servers");
        if (plan.source() != null) {
            checkSource(plan, term);
        }
        if (plan.destination() != null) {
            checkDestination(plan, term);
        }
    }

    private static void checkSource(RunPlan plan, Terminal term) throws SQLException {
        Endpoint s = plan.source();
        try (Connection c = s.open()) {
            List<String> missing = new ArrayList<>();
            for (String db : plan.databases()) {
                if (!schemaExists(c, db)) {
                    missing.add(db);
                }
            }
            if (!missing.isEmpty()) {
                throw new LocalRunException("The source " + s.address() + " has no database " + String.join(", ", missing)
                        + ".\n  Fix: check --databases (names are case-sensitive on most servers).");
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image, VERSION()")) {
                rs.next();
                List<String> wrong = new ArrayList<>();
                if (!rs.getBoolean(1)) {
                    wrong.add("the binary log is off (log_bin)");
                }
                if (!"ROW".equalsIgnoreCase(rs.getString(2))) {
                    wrong.add("binlog_format is " + rs.getString(2) + ", not ROW");
                }
                if (!"FULL".equalsIgnoreCase(rs.getString(3))) {
                    wrong.add("binlog_row_image is " + rs.getString(3) + ", not FULL");
                }
                if (!wrong.isEmpty()) {
                    throw new LocalRunException("The source " + s.address() + " cannot be read incrementally: "
                            + String.join("; ", wrong) + ".\n  Fix: in the server's configuration set log_bin "
                            + "(e.g. log-bin=mysql-bin), binlog_format=ROW, binlog_row_image=FULL and a server_id, "
                            + "then restart it.");
                }
                term.println("  source       " + s.user() + "@" + s.address() + " (" + rs.getString(4) + "), "
                        + "databases " + String.join(", ", plan.databases()));
            }
        }
        term.println("  existing source: no live changes are made (local-run only reads from it)");
    }

    private static void checkDestination(RunPlan plan, Terminal term) throws SQLException {
        Endpoint d = plan.destination();
        try (Connection c = d.open()) {
            List<String> present = new ArrayList<>();
            for (String db : plan.databases()) {
                if (schemaExists(c, db)) {
                    present.add(db);
                }
            }
            if (!present.isEmpty()) {
                throw new LocalRunException("The destination " + d.address() + " already has database "
                        + String.join(", ", present) + "; the migration creates it and would mix with what is "
                        + "there.\n  Fix: drop it there (DROP DATABASE `" + present.get(0) + "`) or use another "
                        + "destination.");
            }
            long leftovers = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM mysql_migrate.sink_offsets "
                    + "WHERE connector = ?")) {
                ps.setString(1, plan.sinkConnector());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    leftovers = rs.getLong(1);
                }
            } catch (SQLException e) {
                if (!SinkWatch.isMissingStateTable(e)) {
                    throw new LocalRunException(d.explain(e), e);
                }
            }
            if (leftovers > 0) {
                throw new LocalRunException("The destination " + d.address() + " holds the progress of an earlier "
                        + plan.sinkConnector() + " in mysql_migrate.sink_offsets; a new run would resume from it.\n"
                        + "  Fix: on the destination run DELETE FROM mysql_migrate.sink_offsets WHERE connector = '"
                        + plan.sinkConnector() + "'; DELETE FROM mysql_migrate.applied_ddl WHERE connector = '"
                        + plan.sinkConnector() + "';");
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
                rs.next();
                term.println("  destination  " + d.user() + "@" + d.address() + " (" + rs.getString(1) + ")");
            }
        }
    }

    private static boolean schemaExists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
