package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Migration assessment: foreign keys of selected tables that reference a table the migration leaves out. The sink
 * creates them with foreign key checks off, so the destination ends up with a key to a table it does not have.
 */
public final class ForeignKeysOutsideSelectionCheck implements Check {

    @Override
    public String id() {
        return "assess.foreign_keys.outside_selection";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        List<String> found = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, "
                + "UNIQUE_CONSTRAINT_SCHEMA, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA IN (%s) ORDER BY 1, 2, 3")) {
            if (SelectedTablesQuery.selected(ctx, r.get(0), r.get(1)) && !SelectedTablesQuery.selected(ctx, r.get(3), r.get(4))) {
                found.add(r.get(0) + "." + r.get(1) + "." + r.get(2) + " references " + r.get(3) + "." + r.get(4));
                drops.add("ALTER TABLE " + Identifiers.quote(r.get(0), r.get(1)) + " DROP FOREIGN KEY " + Identifiers.quote(r.get(2)));
            }
        }
        if (found.isEmpty()) {
            return CheckResult.pass(id(), "every foreign key of the selected tables references a selected table");
        }
        return CheckResult.warn(id(), "foreign keys to tables outside the selection: " + String.join("; ", found),
                "The destination gets these keys but not the tables they reference: once applications write there, inserts and "
                        + "updates of those rows fail, and nothing guarantees the referenced rows exist.",
                "Add the referenced tables to the selection (databases.include, tables.include, tables.exclude), or drop the keys "
                        + "on the destination after the schema migration: " + String.join("; ", drops) + ";");
    }
}
