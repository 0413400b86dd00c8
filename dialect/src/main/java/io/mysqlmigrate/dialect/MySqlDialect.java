package io.mysqlmigrate.dialect;

import java.util.List;

/**
 * MySQL: from 8.0.19 the upsert names the new row with an alias, since {@code VALUES(col)} in
 * {@code ON DUPLICATE KEY UPDATE} is deprecated there.
 */
final class MySqlDialect implements SqlDialect {

    static final String NEW_ROW_ALIAS = "_incoming";

    private final ServerVersion version;

    MySqlDialect(ServerVersion version) {
        this.version = version;
    }

    @Override
    public ServerVersion version() {
        return version;
    }

    @Override
    public String upsert(String quotedTable, List<String> columns, List<String> updateColumns, int rows) {
        StringBuilder sql = SqlDialect.insertValues(quotedTable, columns, rows);
        if (updateColumns.isEmpty()) {
            return sql.toString();
        }
        if (version.atLeast(8, 0, 19)) {
            sql.append(" AS ").append(NEW_ROW_ALIAS);
            UpsertUpdates.append(sql, updateColumns, c -> NEW_ROW_ALIAS + "." + c);
        } else {
            UpsertUpdates.append(sql, updateColumns, c -> "VALUES(" + c + ")");
        }
        return sql.toString();
    }

    @Override
    public String exactFloatSelect(String quotedColumn) {
        return version.atLeast(8, 0, 17) ? "CAST(" + quotedColumn + " AS DOUBLE)" : null;
    }

    @Override
    public String serverIdentityQuery() {
        return "SELECT @@server_uuid";
    }

    @Override
    public String showBinaryLogStatus() {
        return version.atLeast(8, 2, 0) ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
    }

    @Override
    public List<ObjectPrivilege> routineReaders() {
        ObjectPrivilege globalSelect = new ObjectPrivilege("SELECT", null, null);
        return version.atLeast(8, 0, 20) ? List.of(new ObjectPrivilege("SHOW_ROUTINE", null, null), globalSelect)
                : List.of(globalSelect);
    }

    @Override
    public String eventCatalogCount() {
        return null;
    }

    @Override
    public String showReplicaStatus() {
        return version.atLeast(8, 0, 22) ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS";
    }

    @Override
    public String replicaStatusPrivilege() {
        return "REPLICATION CLIENT";
    }

    @Override
    public List<String> binlogStatusPrivileges() {
        return List.of("REPLICATION CLIENT");
    }

    @Override
    public String activeRolesQuery() {
        return "SELECT CURRENT_ROLE()";
    }

    @Override
    public String showOwnGrants(String activeRoles) {
        return activeRoles != null && !activeRoles.isBlank() && !"NONE".equalsIgnoreCase(activeRoles)
                ? "SHOW GRANTS FOR CURRENT_USER() USING " + activeRoles : "SHOW GRANTS";
    }

    @Override
    public String makeColumnVisible(String database, String table, String column, CreateTableText createTable) {
        return "ALTER TABLE " + Identifiers.quote(database, table) + " ALTER COLUMN " + Identifiers.quote(column) + " SET VISIBLE";
    }
}
