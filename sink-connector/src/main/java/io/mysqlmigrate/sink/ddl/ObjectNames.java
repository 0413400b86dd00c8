package io.mysqlmigrate.sink.ddl;

/**
 * The destination's database, table and column names for the source's, as {@link DdlNameRewriter} needs them: the naming
 * package's mapping provides them, so DDL rewriting does not reach back into naming (which uses it).
 */
public interface ObjectNames {

    /** Whether every name stays as the source spells it. */
    boolean isIdentity();

    /** The destination name of a source database. */
    String database(String database);

    /** The destination name of a source table of {@code database}. */
    String table(String database, String table);

    /** The destination name of a source column of {@code database}.{@code table}. */
    String column(String database, String table, String column);
}
