package io.mysqlmigrate.sink.event;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.ObjectContext;
import java.util.List;
import java.util.Map;

/**
 * A DDL statement of the source, with the structure of each table it leaves behind (Debezium's tableChanges):
 * enough to tell on the destination whether the statement has already taken effect. {@code grammar} is the source's
 * flavour, whose SQL the statement is written in. {@code object} is, for a view, routine, trigger or event the source
 * migrates itself, the object and the session context it is created in (its sql_mode, character set and collations);
 * null for Debezium's own DDL. {@code charsetDefaults} is the source server's default collation of each character set
 * ({@link io.mysqlmigrate.dialect.CharsetDefaults}), empty when the source did not send them.
 */
public record SchemaChange(long offset, String database, String ddl, List<TableShape> tables, SourcePosition position,
                           Flavour grammar, ObjectContext object, Map<String, String> charsetDefaults) implements ChangeEvent {

    public SchemaChange {
        charsetDefaults = charsetDefaults == null ? Map.of() : charsetDefaults;
    }

    public SchemaChange(long offset, String database, String ddl, List<TableShape> tables, SourcePosition position, Flavour grammar,
                        ObjectContext object) {
        this(offset, database, ddl, tables, position, grammar, object, Map.of());
    }

    public SchemaChange(long offset, String database, String ddl, List<TableShape> tables, SourcePosition position, Flavour grammar) {
        this(offset, database, ddl, tables, position, grammar, null);
    }

    public boolean snapshot() {
        return position.snapshot();
    }

    /** A table as the statement leaves it: change type (CREATE, ALTER, DROP), name and column names in order. */
    public record TableShape(String changeType, String database, String table, List<String> columns) {
    }
}
