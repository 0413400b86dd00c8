package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.checks.SelectedTablesQuery.SelectedTable;
import io.mysqlmigrate.source.MigrationType;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The source account may do what the chosen migration types make the capture do: read the selected tables (SELECT),
 * lock them for a consistent snapshot (RELOAD for the global read lock, or LOCK TABLES), and for incremental
 * migration read the binary log (REPLICATION SLAVE) and its position (REPLICATION CLIENT, which MariaDB 10.5+ calls
 * BINLOG MONITOR). SHOW VIEW is asked for, not required: views are not migrated yet.
 */
public final class SourcePrivilegesCheck implements Check {

    /** The one flavour difference: how the privilege that shows binary log positions is named. */
    static List<String> binlogStatusPrivilege(boolean mariaDb) {
        return mariaDb ? List.of("BINLOG MONITOR", "REPLICATION CLIENT") : List.of("REPLICATION CLIENT");
    }

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
        if ((types.contains(MigrationType.SCHEMA) || types.contains(MigrationType.FULL)) && !grants.holdsGlobally("RELOAD")
                && !ctx.source().databases().stream().allMatch(d -> grants.holdsOnDatabase("LOCK TABLES", d))) {
            gaps.missing(true, "RELOAD", PrivilegeGaps.GLOBAL, "The snapshot takes a short global read lock (FLUSH TABLES WITH "
                    + "READ LOCK, which needs RELOAD) or, without it, locks the selected tables (LOCK TABLES on their "
                    + "databases), so that it and the binary log position agree.");
        }
        if (types.contains(MigrationType.INCREMENTAL)) {
            String why = "Incremental migration reads the binary log like a replica (REPLICATION SLAVE) and asks for its "
                    + "current position and file list (REPLICATION CLIENT; BINLOG MONITOR on MariaDB).";
            if (!grants.holdsGlobally("REPLICATION SLAVE")) {
                gaps.missing(true, "REPLICATION SLAVE", PrivilegeGaps.GLOBAL, why);
            }
            List<String> status = binlogStatusPrivilege(ctx.sourceVersion().isMariaDb());
            if (!grants.holdsAnyGlobally(status)) {
                gaps.missing(true, status.get(0), PrivilegeGaps.GLOBAL, why);
            }
        }
        if (types.contains(MigrationType.SCHEMA)) {
            for (String database : ctx.source().databases()) {
                if (!grants.holdsOnDatabase("SHOW VIEW", database)) {
                    gaps.missing(false, "SHOW VIEW", PrivilegeGaps.onDatabase(database), "Views are not migrated by this "
                            + "release; recreating them on the destination needs their definitions, which SHOW VIEW reads.");
                }
            }
        }
        return gaps.verdict(id(), "holds what " + MigrationType.describe(types) + " needs on "
                + String.join(", ", ctx.source().databases()));
    }
}
