package io.mysqlmigrate.source.objects;

import io.mysqlmigrate.dialect.Identifiers;

/**
 * A view, routine, trigger or event of a migrated database, with the statement that creates it on the destination:
 * the source's own definition with the DEFINER left out (the destination account becomes the definer) and, for views
 * and routines, SQL SECURITY INVOKER, as DTS migrates them.
 */
public record SourceObject(ObjectKind kind, String database, String name, String createStatement) {

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
