package io.mysqlmigrate.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * What one flavour has and the other lacks, and what a migration from a source of one flavour to a destination of the
 * other makes of each: kept as it is, changed into something the destination has (the mapping said), or refused by the
 * destination (the reason said, the migration stops there). Each feature names the catalog query that finds the objects
 * using it on the source; the query returns the database, the table (NULL for a database), the object (its name
 * without the database) and a detail, and holds {@code %s} where the list of the migration's databases goes. Every
 * outcome was measured by creating the object on a MySQL 9.7 or MariaDB 10.11 source and running the source's own
 * SHOW CREATE text (as the sink adapts it, {@link SqlDialect#versionedClauses}) on a server of the other flavour;
 * docs/TYPES.md records what each server said.
 */
public final class FlavourFeatures {

    /** What the destination makes of a feature. */
    public enum Outcome {
        /** The destination takes it as the source has it. */
        KEPT,
        /** The destination takes it as something else, which the feature's text names. */
        CHANGED,
        /** The destination refuses it: the migration stops at the first object using it. */
        REFUSED
    }

    /**
     * A feature of the source's flavour: its stable short id, what it is, the source catalog query finding it, what
     * the destination makes of it and why, and the fix on the source for a refused or changed one. With {@code probe},
     * each object's detail is an expression the destination is asked to evaluate ({@code SELECT <detail>}): one it
     * cannot (a function it lacks) is refused, whatever {@code outcome} says for the others.
     */
    public record Feature(String id, String name, String query, Outcome outcome, String what, String fix, boolean probe) {
        public Feature(String id, String name, String query, Outcome outcome, String what, String fix) {
            this(id, name, query, outcome, what, fix, false);
        }
    }

    private FlavourFeatures() {
    }

    /** The features of {@code source}'s flavour that {@code destination}'s flavour lacks or treats otherwise; none within one flavour. */
    public static List<Feature> lackedBy(ServerVersion source, ServerVersion destination) {
        if (source.flavour() == destination.flavour()) {
            return List.of();
        }
        return source.isMariaDb() ? mariaDbOnMySql() : mySqlOnMariaDb(destination);
    }

    private static List<Feature> mySqlOnMariaDb(ServerVersion destination) {
        List<Feature> out = new ArrayList<>();
        out.add(new Feature("json", "JSON columns",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', COLUMN_NAME), COLUMN_TYPE FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND DATA_TYPE = 'json'",
                Outcome.CHANGED, "MariaDB's JSON is LONGTEXT with CHECK (json_valid(...)): the documents arrive as the text MySQL "
                        + "prints (its key order, duplicate keys removed), and MariaDB compares, sorts and indexes them as text",
                "Nothing to change for the data; review queries that compare JSON values or rely on MySQL's JSON functions."));
        out.add(new Feature("functional_index", "functional key parts (indexes on expressions)",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, ' index ', INDEX_NAME), EXPRESSION FROM information_schema.STATISTICS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND EXPRESSION IS NOT NULL",
                Outcome.REFUSED, "MariaDB has no functional key parts: it refuses the CREATE TABLE that holds one",
                "On the source, index a generated column instead: ALTER TABLE <table> ADD COLUMN <name> <type> AS (<expression>) "
                        + "VIRTUAL, ADD INDEX (<name>), DROP INDEX <index> (MariaDB indexes virtual columns); or leave the table "
                        + "out (tables.exclude) and create it on the destination yourself."));
        boolean descending = destination.atLeast(10, 8, 0);
        out.add(new Feature("descending_index", "descending index parts",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, ' index ', INDEX_NAME), COLUMN_NAME FROM information_schema.STATISTICS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND COLLATION = 'D'",
                descending ? Outcome.KEPT : Outcome.CHANGED, descending ? "MariaDB 10.8+ keeps DESC index parts"
                        : "MariaDB before 10.8 parses DESC and builds the index ascending (reads in descending order get slower)",
                descending ? "" : "Use a MariaDB 10.8+ destination to keep them."));
        out.add(new Feature("check_constraint", "CHECK constraints",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, ' constraint ', CONSTRAINT_NAME), ENFORCED FROM "
                        + "information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA IN (%s) AND CONSTRAINT_TYPE = 'CHECK' AND ENFORCED = 'YES'",
                Outcome.KEPT, "MariaDB 10.2+ enforces CHECK constraints as MySQL does", ""));
        out.add(new Feature("check_not_enforced", "CHECK constraints declared NOT ENFORCED",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, ' constraint ', CONSTRAINT_NAME), ENFORCED FROM "
                        + "information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA IN (%s) AND CONSTRAINT_TYPE = 'CHECK' AND ENFORCED = 'NO'",
                Outcome.CHANGED, "MySQL prints NOT ENFORCED in a /*!80016 */ comment, which MariaDB skips: the constraint is "
                        + "enforced on the destination, and a source row violating it stops the sink",
                "Drop the constraint on the source (ALTER TABLE <table> DROP CHECK <constraint>) or make its rows satisfy it."));
        out.add(new Feature("expression_default", "expression defaults",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', COLUMN_NAME), COLUMN_DEFAULT FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND EXTRA LIKE '%%DEFAULT_GENERATED%%' AND UPPER(COLUMN_DEFAULT) NOT LIKE 'CURRENT_TIMESTAMP%%'",
                Outcome.KEPT, "MariaDB 10.2+ takes DEFAULT (expression) and evaluates it with its own functions",
                "On the source, replace a default calling a function MariaDB lacks (e.g. UUID_TO_BIN) with one both have: "
                        + "ALTER TABLE <table> ALTER COLUMN <column> SET DEFAULT (<expression>).", true));
        out.add(new Feature("srid", "spatial columns restricted to an SRID",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', COLUMN_NAME), SRS_ID FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND SRS_ID IS NOT NULL",
                Outcome.CHANGED, "MySQL prints SRID in a /*!80003 */ comment, which MariaDB skips: the column takes geometries of "
                        + "any SRID on the destination (the values keep theirs)",
                "Nothing to change for the data; add a CHECK (ST_SRID(<column>) = <srid>) on the destination if the restriction matters."));
        out.add(new Feature("invisible_column", "invisible columns",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', COLUMN_NAME), EXTRA FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND UPPER(EXTRA) LIKE '%%INVISIBLE%%'",
                Outcome.KEPT, "the sink writes MySQL's /*!80023 INVISIBLE */ out as INVISIBLE, which MariaDB 10.3+ has", ""));
        boolean vector = destination.atLeast(11, 7, 0);
        out.add(new Feature("vector", "VECTOR columns",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', COLUMN_NAME), COLUMN_TYPE FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND DATA_TYPE = 'vector'",
                vector ? Outcome.CHANGED : Outcome.REFUSED, vector ? "MariaDB 11.7+ has a VECTOR type of its own (its "
                        + "functions and indexes differ from MySQL's; not measured here)" : "MariaDB before 11.7 has no VECTOR type",
                vector ? "Check the column's use against MariaDB's VECTOR functions." : "On the source, keep the vectors as "
                        + "VARBINARY(<4 x dimensions>) (ALTER TABLE <table> MODIFY <column> VARBINARY(...)), or use a MariaDB 11.7+ "
                        + "destination."));
        String encryptionFix = "On the destination, load a key management plugin and set innodb_encrypt_tables=ON before the "
                + "migration, so MariaDB encrypts every table.";
        out.add(new Feature("database_encryption", "databases with DEFAULT ENCRYPTION='Y'",
                "SELECT SCHEMA_NAME, NULL, CONCAT('database ', SCHEMA_NAME), DEFAULT_ENCRYPTION FROM information_schema.SCHEMATA "
                        + "WHERE SCHEMA_NAME IN (%s) AND DEFAULT_ENCRYPTION = 'YES'",
                Outcome.CHANGED, "MySQL prints DEFAULT ENCRYPTION in a /*!80016 */ comment, which MariaDB skips: the database "
                        + "and the tables created in it are not encrypted on the destination unless its server encrypts all tables",
                encryptionFix));
        out.add(new Feature("table_encryption", "tables with ENCRYPTION='Y'",
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_NAME, CREATE_OPTIONS FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (%s) "
                        + "AND UPPER(CREATE_OPTIONS) LIKE '%%ENCRYPTION=''Y''%%'",
                Outcome.REFUSED, "MariaDB has no ENCRYPTION table option (its own is ENCRYPTED=YES, with a key management plugin)",
                "On the source, ALTER TABLE <table> ENCRYPTION='N' before the migration and " + Character.toLowerCase(encryptionFix.charAt(0))
                        + encryptionFix.substring(1)));
        return out;
    }

    private static List<Feature> mariaDbOnMySql() {
        List<Feature> out = new ArrayList<>();
        out.add(new Feature("sequence", "SEQUENCE objects",
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (%s) "
                        + "AND TABLE_TYPE = 'SEQUENCE'",
                Outcome.REFUSED, "MySQL has no sequences: it refuses CREATE SEQUENCE and NEXT VALUE FOR",
                "Leave the sequence out (tables.exclude) and use AUTO_INCREMENT or a counter table on the destination."));
        out.add(new Feature("sequence_default", "columns defaulting to a sequence's next value",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', COLUMN_NAME), COLUMN_DEFAULT FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND LOWER(COLUMN_DEFAULT) LIKE '%%nextval(%%'",
                Outcome.REFUSED, "MySQL has no sequences: it refuses a default of NEXT VALUE FOR",
                "On the source, give the column a default MySQL has (ALTER TABLE <table> ALTER COLUMN <column> DROP DEFAULT) or "
                        + "AUTO_INCREMENT."));
        out.add(new Feature("inet_uuid", "INET4, INET6 and UUID columns",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', COLUMN_NAME), DATA_TYPE FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND DATA_TYPE IN ('inet4', 'inet6', 'uuid')",
                Outcome.REFUSED, "MySQL has none of these types, and the source's schema parser stops at the table's CREATE",
                "On the source, change the column to text that keeps every value: ALTER TABLE <table> MODIFY <column> CHAR(36) "
                        + "(UUID), VARCHAR(39) (INET6) or VARCHAR(15) (INET4)."));
        out.add(new Feature("system_versioning", "system-versioned tables",
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (%s) "
                        + "AND TABLE_TYPE = 'SYSTEM VERSIONED'",
                Outcome.REFUSED, "MySQL has no WITH SYSTEM VERSIONING: it refuses the CREATE TABLE (and the history rows have no "
                        + "place there)",
                "On the source, ALTER TABLE <table> DROP SYSTEM VERSIONING (the history is deleted: copy it out first), or leave "
                        + "the table out (tables.exclude)."));
        out.add(new Feature("compressed_column", "compressed columns",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', COLUMN_NAME), COLUMN_TYPE FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND UPPER(COLUMN_TYPE) LIKE '%%COMPRESSED%%'",
                Outcome.CHANGED, "MariaDB prints COMPRESSED in a /*M!100301 */ comment, which MySQL skips: the column is stored "
                        + "uncompressed on the destination (the values are the same)",
                "Nothing to change for the data; allow for the larger size on the destination (destination.capacity)."));
        out.add(new Feature("expression_default", "expression defaults without parentheses",
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', COLUMN_NAME), COLUMN_DEFAULT FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA IN (%s) AND COLUMN_DEFAULT IS NOT NULL AND COLUMN_DEFAULT <> 'NULL' "
                        + "AND COLUMN_DEFAULT NOT LIKE '''%%' AND COLUMN_DEFAULT NOT LIKE '(%%' AND LOWER(COLUMN_DEFAULT) NOT LIKE 'b''%%' "
                        + "AND COLUMN_DEFAULT NOT REGEXP '^-?[0-9.]+(e[-+]?[0-9]+)?$' "
                        + "AND LOWER(COLUMN_DEFAULT) NOT REGEXP '^(current_timestamp|now|localtime|localtimestamp)' "
                        + "AND LOWER(COLUMN_DEFAULT) NOT LIKE 'nextval(%%'",
                Outcome.REFUSED, "MariaDB prints an expression default without parentheses (DEFAULT rand()), which MySQL's "
                        + "grammar refuses: it takes expressions only as DEFAULT (expression)",
                "On the source, give the column a constant default (ALTER TABLE <table> ALTER COLUMN <column> SET DEFAULT "
                        + "<constant>), or create the table on the destination yourself with DEFAULT (<expression>)."));
        out.add(new Feature("long_unique", "unique keys over whole BLOB/TEXT values (MariaDB's hash-based long unique keys)",
                "SELECT s.TABLE_SCHEMA, s.TABLE_NAME, CONCAT(s.TABLE_NAME, ' index ', s.INDEX_NAME), s.COLUMN_NAME FROM "
                        + "information_schema.STATISTICS s JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = s.TABLE_SCHEMA "
                        + "AND t.TABLE_NAME = s.TABLE_NAME WHERE s.TABLE_SCHEMA IN (%s) AND s.NON_UNIQUE = 0 "
                        + "AND s.INDEX_TYPE = 'HASH' AND t.ENGINE <> 'MEMORY'",
                Outcome.REFUSED, "MySQL indexes BLOB/TEXT only by a prefix: it refuses the key without a length",
                "On the source, index a prefix (ALTER TABLE <table> DROP INDEX <index>, ADD UNIQUE (<column>(<length>))) if a "
                        + "prefix is unique, or a stored hash column (ADD COLUMN h BINARY(32) AS (UNHEX(SHA2(<column>, 256))) "
                        + "STORED, ADD UNIQUE (h))."));
        out.add(new Feature("table_options", "MariaDB's InnoDB table options (PAGE_COMPRESSED, ENCRYPTED, ...)",
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_NAME, CREATE_OPTIONS FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (%s) "
                        + "AND UPPER(CREATE_OPTIONS) REGEXP 'PAGE_COMPRESS|ENCRYPTED|ENCRYPTION_KEY_ID'",
                Outcome.REFUSED, "MySQL has none of them: its grammar refuses the CREATE TABLE",
                "On the source, ALTER TABLE <table> <option>=DEFAULT for each (e.g. PAGE_COMPRESSED=DEFAULT): SHOW CREATE TABLE "
                        + "then leaves it out."));
        out.add(new Feature("json_text", "JSON columns (LONGTEXT with CHECK (json_valid(...)))",
                "SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME), CHECK_CLAUSE FROM "
                        + "information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN (%s) AND CHECK_CLAUSE LIKE 'json_valid(%%'",
                Outcome.CHANGED, "they stay LONGTEXT with the CHECK on MySQL, not MySQL's JSON type; MySQL's json_valid refuses "
                        + "numbers beyond a double (1E400), which MariaDB's accepts: such a document stops the sink",
                "Nothing to change for most documents; convert the column to JSON on the destination after the cut-over if "
                        + "applications need MySQL's JSON type."));
        return out;
    }
}
