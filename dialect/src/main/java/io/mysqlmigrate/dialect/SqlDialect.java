package io.mysqlmigrate.dialect;

import java.sql.SQLException;
import java.util.List;

/**
 * The statements whose text differs between MySQL and MariaDB. Everything else the product sends is common
 * SQL; anything flavour-specific belongs here and nowhere else.
 */
public interface SqlDialect {

    ServerVersion version();

    /**
     * A multi-row upsert: {@code INSERT INTO t (cols) VALUES (?,..),(?,..) ON DUPLICATE KEY UPDATE ...}, with one
     * placeholder per column and row. {@code updateColumns} are the columns overwritten on a key conflict.
     */
    String upsert(String quotedTable, List<String> columns, List<String> updateColumns, int rows);

    /** Shows the current binary log file and position. MySQL 8.4 removed {@code SHOW MASTER STATUS}. */
    String showBinaryLogStatus();

    /**
     * A query answering one value that tells this server from any other: binary log positions compare only along one
     * server's log. MySQL has a server UUID; MariaDB has none, so host, port and server id stand in.
     */
    String serverIdentityQuery();

    /**
     * The expression a snapshot selects a FLOAT column with so that the text it reads is the stored float exactly,
     * or null to select the column as it is. Both flavours print a FLOAT with 6 significant digits in the text protocol
     * (3.40282e38, which reads back as 3.40282001837565600e38, not the stored 3.4028235e38); a FLOAT widened to DOUBLE
     * is the same number and prints with 17. MySQL has CAST(... AS DOUBLE) from 8.0.17; Connector/J names the aliased
     * expression by its alias (seen with 9.1.0 against MySQL 9.7), which is how the snapshot matches it to the column.
     */
    String exactFloatSelect(String quotedColumn);

    /**
     * A source statement as this destination runs it, for the clauses MySQL prints in version comments that this
     * flavour would skip: MariaDB ignores MySQL 8's {@code /*!80023 INVISIBLE *&#47;}, so an invisible column became
     * visible there; it gets the clause itself. Other version comments stay as written (MariaDB skips, for instance,
     * {@code /*!80016 DEFAULT ENCRYPTION='N' *&#47;}, which it has no equivalent of).
     */
    default String versionedClauses(String ddl) {
        return ddl;
    }

    /**
     * The privileges that show an account every stored procedure and function with its definition, whoever owns it
     * (information_schema.ROUTINES and SHOW CREATE): any one of them suffices; the first is the one to grant. MariaDB:
     * SELECT on mysql.proc (a global SELECT includes it). MySQL 8.0.20+: SHOW_ROUTINE, or the global SELECT that older
     * versions require.
     */
    List<ObjectPrivilege> routineReaders();

    /**
     * A query counting the events of one database ({@code ?}) in the server's own catalog table, which an account may
     * read without the EVENT privilege that information_schema.EVENTS requires; null where the server keeps events in a
     * data dictionary no account can read (MySQL 8).
     */
    String eventCatalogCount();

    /**
     * Lists the server's replication connections, one row each (none: it replicates from no one). MariaDB lists every
     * named connection with {@code SHOW ALL SLAVES STATUS}; MySQL says {@code SHOW REPLICA STATUS} from 8.0.22 and
     * {@code SHOW SLAVE STATUS} before.
     */
    String showReplicaStatus();

    /** The privilege {@link #showReplicaStatus()} needs: SLAVE MONITOR on MariaDB, REPLICATION CLIENT on MySQL. */
    String replicaStatusPrivilege();

    /**
     * The privileges that let an account read the binary log position and file list ({@link #showBinaryLogStatus()},
     * SHOW BINARY LOGS): any one of them suffices; the first is the one to grant. MariaDB calls it BINLOG MONITOR and
     * still honours REPLICATION CLIENT granted before; MySQL has REPLICATION CLIENT.
     */
    List<String> binlogStatusPrivileges();

    /**
     * A query answering the current account's active roles (a comma-separated list, or NONE), or null where SHOW GRANTS
     * already includes what they grant: MariaDB lists the active role's and PUBLIC's grants; MySQL 8 lists role
     * privileges only when asked for them with USING.
     */
    String activeRolesQuery();

    /** SHOW GRANTS of the current account, with what {@code activeRoles} (the answer of {@link #activeRolesQuery()}) grant. */
    String showOwnGrants(String activeRoles);

    /** SHOW CREATE TABLE's text of a table, read only by a dialect that needs it. */
    @FunctionalInterface
    interface CreateTableText {
        String read() throws SQLException;
    }

    /**
     * The statement that makes an invisible column visible. MySQL has {@code ALTER COLUMN ... SET VISIBLE}; MariaDB has
     * no such clause, so the column is redefined as SHOW CREATE TABLE prints it, without INVISIBLE.
     */
    String makeColumnVisible(String database, String table, String column, CreateTableText createTable) throws SQLException;

    static SqlDialect of(ServerVersion version) {
        return version.isMariaDb() ? new MariaDbDialect(version) : new MySqlDialect(version);
    }

    /** Shared text builder: the {@code INSERT ... VALUES (...),(...)} part of an upsert. */
    static StringBuilder insertValues(String quotedTable, List<String> columns, int rows) {
        if (columns.isEmpty() || rows < 1) {
            throw new IllegalArgumentException("An insert into " + quotedTable + " needs columns and at least one row");
        }
        StringBuilder sql = new StringBuilder(64 + rows * (columns.size() * 2 + 3));
        sql.append("INSERT INTO ").append(quotedTable).append(" (").append(Identifiers.quoteAll(columns)).append(") VALUES ");
        String row = "(" + "?,".repeat(columns.size() - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(',');
            }
            sql.append(row);
        }
        return sql;
    }
}
