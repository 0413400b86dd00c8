package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.sink.naming.NameMapping;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The destination account may do what the sink does in the databases it writes (the selected ones under their mapped
 * names) and in its state database: create, change and drop tables and indexes, read, insert, update and delete rows.
 * When it migrates the schema it also creates foreign keys, for which MySQL wants REFERENCES on the parent table
 * (MariaDB does not check it; asking for it on both keeps one set of grants). Privileges for views, routines, triggers
 * and events are asked for, not required: the sink does not create them.
 */
public final class DestinationPrivilegesCheck implements Check {

    static final List<String> REQUIRED = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "INDEX");
    /** Required on the migrated databases when the sink creates their tables (foreign keys). */
    static final List<String> REQUIRED_FOR_SCHEMA = List.of("REFERENCES");
    static final List<String> ADVISED = List.of("CREATE VIEW", "CREATE ROUTINE", "TRIGGER", "EVENT");

    @Override
    public String id() {
        return "destination.privileges";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        Grants grants = Grants.of(ctx.destinationConnection(), ctx.destinationVersion());
        PrivilegeGaps gaps = new PrivilegeGaps(Grants.account(ctx.destinationConnection()));
        String lowerCase = CheckContext.variable(ctx.destinationConnection(), "lower_case_table_names");
        NameMapping names = ctx.sink().nameMapping(lowerCase == null ? 0 : Integer.parseInt(lowerCase));
        Set<String> databases = new LinkedHashSet<>();
        for (String database : ctx.source().databases()) {
            databases.add(names.database(database));
        }
        List<String> written = new ArrayList<>(databases);
        written.add(ctx.sink().stateDatabase());
        for (String database : written) {
            for (String privilege : REQUIRED) {
                if (!grants.holdsOnDatabase(privilege, database)) {
                    gaps.missing(true, privilege, PrivilegeGaps.onDatabase(database), "The sink creates the databases and "
                            + "tables, applies the source's DDL (ALTER, DROP, indexes) and writes rows with INSERT, UPDATE "
                            + "and DELETE after reading keys, in the migrated databases and in its state database "
                            + ctx.sink().stateDatabase() + ".");
                }
            }
        }
        if (ctx.source().migrationTypes().contains(MigrationType.SCHEMA)) {
            for (String database : databases) {
                for (String privilege : REQUIRED_FOR_SCHEMA) {
                    if (!grants.holdsOnDatabase(privilege, database)) {
                        gaps.missing(true, privilege, PrivilegeGaps.onDatabase(database), "The sink creates the source's "
                                + "tables with their foreign keys; MySQL refuses a foreign key without REFERENCES "
                                + "(error 1142).");
                    }
                }
            }
            for (String database : databases) {
                for (String privilege : ADVISED) {
                    if (!grants.holdsOnDatabase(privilege, database)) {
                        gaps.missing(false, privilege, PrivilegeGaps.onDatabase(database), "The sink does not create views, "
                                + "routines, triggers or events; whoever recreates them on the destination with this account "
                                + "needs these privileges.");
                    }
                }
            }
        }
        return gaps.verdict(id(), "holds what the sink needs on " + String.join(", ", written));
    }
}
