package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.checks.SelectedTablesQuery.SelectedTable;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The source account may do what the chosen migration types make the capture do: read the selected tables (SELECT),
 * lock them for a consistent snapshot (RELOAD: Debezium flushes with a read lock, globally or on the selected
 * tables, and either needs RELOAD; LOCK TABLES alone is not enough), read view definitions for schema migration
 * (SHOW VIEW), and for incremental migration read the binary log (REPLICATION SLAVE) and its position (REPLICATION
 * CLIENT, which MariaDB 10.5+ calls BINLOG MONITOR).
 */
public final class SourcePrivilegesCheck implements Check {

    /** The one flavour difference: how the privilege that shows binary log positions is named. */
    @Override
    public String id() {
        return "source.privileges";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        Grants grants = Grants.of(ctx.sourceConnection(), ctx.sourceVersion());
        PrivilegeGaps gaps = new PrivilegeGaps(Grants.account(ctx.sourceConnection()));
        Set<MigrationType> types = ctx.source().migrationTypes();
        List<SelectedTable> tables = SelectedTablesQuery.baseTables(ctx);
        String readWhy = "The capture reads the selected tables' rows and structure with SELECT.";
        for (String database : ctx.source().databases()) {
            if (grants.holdsOnDatabase("SELECT", database)) {
                continue;
            }
            List<SelectedTable> ofDatabase = tables.stream().filter(t -> t.database().equals(database)).toList();
            if (ofDatabase.isEmpty()) {
                gaps.missing(true, "SELECT", PrivilegeGaps.onDatabase(database), readWhy);
            }
            for (SelectedTable t : ofDatabase) {
                if (!grants.holdsOnTable("SELECT", database, t.table())) {
                    gaps.missing(true, "SELECT", PrivilegeGaps.onTable(database, t.table()), readWhy);
                }
            }
        }
        if ((types.contains(MigrationType.SCHEMA) || types.contains(MigrationType.FULL)) && !grants.holdsGlobally("RELOAD")) {
            gaps.missing(true, "RELOAD", PrivilegeGaps.GLOBAL, "The snapshot takes a short read lock with FLUSH TABLES ... WITH "
                    + "READ LOCK, globally or on the selected tables, so that it and the binary log position agree; both "
                    + "forms need RELOAD (LOCK TABLES alone was seen to fail with 'Access denied; you need RELOAD').");
        }
        if (types.contains(MigrationType.INCREMENTAL)) {
            String why = "Incremental migration reads the binary log like a replica (REPLICATION SLAVE) and asks for its "
                    + "current position and file list (REPLICATION CLIENT; BINLOG MONITOR on MariaDB).";
            if (!grants.holdsGlobally("REPLICATION SLAVE")) {
                gaps.missing(true, "REPLICATION SLAVE", PrivilegeGaps.GLOBAL, why);
            }
            List<String> status = SqlDialect.of(ctx.sourceVersion()).binlogStatusPrivileges();
            if (!grants.holdsAnyGlobally(status)) {
                gaps.missing(true, status.get(0), PrivilegeGaps.GLOBAL, why);
            }
        }
        if (types.contains(MigrationType.SCHEMA)) {
            for (String database : ctx.source().databases()) {
                if (!grants.holdsOnDatabase("SHOW VIEW", database)) {
                    gaps.missing(true, "SHOW VIEW", PrivilegeGaps.onDatabase(database), "Schema migration recreates the "
                            + "views on the destination from their definitions, which SHOW CREATE VIEW reads with SHOW VIEW.");
                }
            }
        }
        return gaps.verdict(id(), "holds what " + MigrationType.describe(types) + " needs on "
                + String.join(", ", ctx.source().databases()));
    }
}
