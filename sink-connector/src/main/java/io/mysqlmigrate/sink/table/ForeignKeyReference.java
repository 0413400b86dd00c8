package io.mysqlmigrate.sink.table;

import java.util.List;
import java.util.Set;

/**
 * A destination foreign key that references a table: the referencing (child) table, the constraint, the referenced
 * table's columns it points at, and its ON UPDATE / ON DELETE rules as information_schema spells them
 * ({@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT}, {@code NO ACTION}).
 */
public record ForeignKeyReference(String database, String table, String constraint, List<String> referencedColumns,
                                  String updateRule, String deleteRule) {

    private static final Set<String> ACTIONS = Set.of("CASCADE", "SET NULL", "SET DEFAULT");

    /** Whether deleting a referenced row changes rows of the referencing table. */
    public boolean actsOnDelete() {
        return ACTIONS.contains(deleteRule);
    }

    /** Whether changing a referenced value changes rows of the referencing table. */
    public boolean actsOnUpdate() {
        return ACTIONS.contains(updateRule);
    }
}
