package io.mysqlmigrate.source.selection;

import io.mysqlmigrate.dialect.Identifiers;
import java.util.List;

/** A source table as settings name it: {@code database.table}, with backquotes around names that need them. */
public record TableName(String database, String table) {

    public static TableName parse(String text) {
        List<String> parts = Identifiers.splitQualified(text.trim(), '`');
        if (parts.size() != 2 || parts.get(0).isEmpty() || parts.get(1).isEmpty()) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a table name: write database.table (backquote a name "
                    + "that contains a dot)");
        }
        return new TableName(parts.get(0), parts.get(1));
    }

    /** The name as Debezium writes table ids in its settings: {@code database.table}, unquoted. */
    public String debeziumId() {
        return database + "." + table;
    }

    public String quoted() {
        return Identifiers.quote(database, table);
    }

    @Override
    public String toString() {
        return debeziumId();
    }
}
