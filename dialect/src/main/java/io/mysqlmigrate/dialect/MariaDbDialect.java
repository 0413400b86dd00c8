package io.mysqlmigrate.dialect;

import java.sql.SQLException;
import java.util.List;

/** MariaDB: no row alias in INSERT, so the upsert keeps {@code VALUES(col)}. */
final class MariaDbDialect implements SqlDialect {

    private final ServerVersion version;

    MariaDbDialect(ServerVersion version) {
        this.version = version;
    }

    @Override
    public ServerVersion version() {
        return version;
    }

    @Override
    public String upsert(String quotedTable, List<String> columns, List<String> updateColumns, int rows) {
        StringBuilder sql = SqlDialect.insertValues(quotedTable, columns, rows);
        UpsertUpdates.append(sql, updateColumns, c -> "VALUES(" + c + ")");
        return sql.toString();
    }

    @Override
    public String showBinaryLogStatus() {
        return version.atLeast(10, 5, 2) ? "SHOW BINLOG STATUS" : "SHOW MASTER STATUS";
    }

    private static final java.util.regex.Pattern MYSQL_INVISIBLE = java.util.regex.Pattern.compile(
            "/\\*!80023\\s+INVISIBLE\\s*\\*/", java.util.regex.Pattern.CASE_INSENSITIVE);

    @Override
    public String versionedClauses(String ddl) {
        return ddl == null || !ddl.contains("/*!8") ? ddl : MYSQL_INVISIBLE.matcher(ddl).replaceAll("INVISIBLE");
    }

    @Override
    public String exactFloatSelect(String quotedColumn) {
        return "CAST(" + quotedColumn + " AS DOUBLE)";
    }

    @Override
    public String serverIdentityQuery() {
        return "SELECT CONCAT(@@hostname, ':', @@port, '#', @@server_id)";
    }

    @Override
    public List<ObjectPrivilege> routineReaders() {
        return List.of(new ObjectPrivilege("SELECT", "mysql", "proc"));
    }

    @Override
    public String eventCatalogCount() {
        return "SELECT COUNT(*) FROM mysql.event WHERE db = ?";
    }

    @Override
    public String showReplicaStatus() {
        return "SHOW ALL SLAVES STATUS";
    }

    @Override
    public String replicaStatusPrivilege() {
        return "SLAVE MONITOR";
    }

    @Override
    public List<String> binlogStatusPrivileges() {
        return List.of("BINLOG MONITOR", "REPLICATION CLIENT");
    }

    @Override
    public String activeRolesQuery() {
        return null;
    }

    @Override
    public String showOwnGrants(String activeRoles) {
        return "SHOW GRANTS";
    }

    @Override
    public String makeColumnVisible(String database, String table, String column, CreateTableText createTable) throws SQLException {
        String qualified = Identifiers.quote(database, table);
        String prefix = Identifiers.quote(column) + " ";
        for (String line : createTable.read().split("\n")) {
            String definition = line.trim();
            if (definition.startsWith(prefix)) {
                definition = definition.endsWith(",") ? definition.substring(0, definition.length() - 1) : definition;
                return "ALTER TABLE " + qualified + " MODIFY " + definition.replaceAll("(?i) INVISIBLE\\b", "");
            }
        }
        return "ALTER TABLE " + qualified + " MODIFY " + Identifiers.quote(column) + " <its definition without INVISIBLE>";
    }
}
