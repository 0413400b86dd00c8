package io.mysqlmigrate.sink.event;

import io.mysqlmigrate.dialect.Flavour;
import java.util.List;

/**
 * A DDL statement of the source, with the structure of each table it leaves behind (Debezium's tableChanges):
 * enough to tell on the destination whether the statement has already taken effect. {@code grammar} is the source's
 * flavour, whose SQL the statement is written in.
 */
public record SchemaChange(long offset, String database, String ddl, List<TableShape> tables, SourcePosition position,
                           Flavour grammar) implements ChangeEvent {

    public boolean snapshot() {
        return position.snapshot();
    }

    /** A table as the statement leaves it: change type (CREATE, ALTER, DROP), name and column names in order. */
    public record TableShape(String changeType, String database, String table, List<String> columns) {
    }
}
