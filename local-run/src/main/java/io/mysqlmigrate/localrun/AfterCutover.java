package io.mysqlmigrate.localrun;

import io.mysqlmigrate.precheck.cutover.Cutover;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Whether {@code mysql-migrate cutover} finished this run: it records each cut-over sink connector in the destination
 * ({@code mysql_migrate.cutovers}) once it has deleted both connectors, so {@code status} can say why they are gone.
 */
final class AfterCutover {
    private AfterCutover() {
    }

    /** When the sink connector was cut over, or null when it was not (or the destination cannot tell). */
    static Instant doneAt(Endpoint destination, String sinkConnector) {
        if (destination == null) {
            return null;
        }
        try (Connection c = destination.connect();
                PreparedStatement ps = c.prepareStatement("SELECT done_at FROM mysql_migrate." + Cutover.CUTOVERS_TABLE
                        + " WHERE connector = ?")) {
            ps.setString(1, sinkConnector);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp at = rs.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        } catch (SQLException e) {
            // no such table (never cut over) or a destination that does not answer: the connectors' lines say the rest
            return null;
        }
    }
}
