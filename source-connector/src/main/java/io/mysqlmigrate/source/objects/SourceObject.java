package io.mysqlmigrate.source.objects;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.ObjectContext;

/**
 * A view, routine, trigger or event of a migrated database, with the statement that creates it on the destination:
 * the source's own definition with the DEFINER left out (the destination account becomes the definer) and, for views
 * and routines, SQL SECURITY INVOKER, as DTS migrates them. {@code context} is the session the source defined it in
 * (sql_mode, client character set, collations, an event's time zone), which the destination creates it under; null
 * when not known.
 */
public record SourceObject(ObjectKind kind, String database, String name, String createStatement, ObjectContext context) {

    public SourceObject(ObjectKind kind, String database, String name, String createStatement) {
        this(kind, database, name, createStatement, null);
    }

    /** The same object with another CREATE statement, in the same context. */
    public SourceObject withCreateStatement(String statement) {
        return new SourceObject(kind, database, name, statement, context);
    }

    public String key() {
        return kind + " " + database + "." + name;
    }

    /** Removes the object on the destination, if there. */
    public String dropStatement() {
        return "DROP " + kind.keyword() + " IF EXISTS " + Identifiers.quote(name);
    }

    /** What brings a destination holding an older definition up to this one. */
    public String[] replaceStatements() {
        return kind == ObjectKind.VIEW ? new String[] {createStatement} : new String[] {dropStatement(), createStatement};
    }
}
