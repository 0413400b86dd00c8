package io.mysqlmigrate.source.routing;

import java.util.Optional;

/**
 * Statements Debezium's DDL parser reads with another outcome than the server ({@link SimultaneousColumnNames},
 * {@link AlterBacktickNames}). The capture refuses them before the next row of their table is decoded: the
 * rows after such a statement would be decoded with a wrong schema, or refused later with a message that names
 * neither the statement nor the fix.
 *
 * <h2>Why a backtick in ALTER TABLE's names is refused rather than corrected (issue 15, investigated on Debezium 3.5)</h2>
 *
 * Where the reading differs, measured on the MySQL and MariaDB parsers in memory ({@code DebeziumBacktickReadingTest}
 * pins it): both parsers' {@code parseName(UidContext)} only strips the outer quotes of a backtick-quoted name and
 * keeps its doubled backticks. CREATE TABLE's column declarations pass that result through the parser's
 * {@code removeRepeatedBacktick}, which undoubles ({@code `k````k`} is read {@code k``k}, as the server has it); table
 * names go through {@code parseQualifiedTableId}, which undoubles too (CREATE TABLE, RENAME TABLE, qualified names);
 * key parts (PRIMARY KEY, UNIQUE, CREATE INDEX) are undoubled, and index and constraint names are not kept. The
 * ALTER TABLE listener calls {@code parseName} alone for ADD [COLUMN], ADD (...), CHANGE, MODIFY, DROP [COLUMN],
 * RENAME COLUMN, ALTER COLUMN ... DEFAULT, AFTER and an unqualified RENAME TO: ADD `a``d` gives a column {@code a``d}
 * (the row events then name it so, and the sink finds no such column), CHANGE gives {@code y``z}, RENAME TO a table
 * {@code ta``ble} that the binary log's rows do not name ("schema isn't known"), MODIFY/CHANGE/RENAME COLUMN of a
 * column CREATE TABLE made fail with "Trying to change column a``b ... which does not exist", and DROP COLUMN or
 * ALTER COLUMN ... DEFAULT of such a column silently miss it (the schema keeps a column the rows no longer have).
 *
 * Options evaluated:
 * <ul>
 * <li>A parser subclass whose {@code parseName} undoubles a backtick-quoted name (and whose
 * {@code removeRepeatedBacktick} then leaves names alone, or CREATE TABLE's {@code `q````q`} is undoubled twice):
 * measured in memory, it reads every path above right. It cannot be registered: Debezium 3.5 has no setting or
 * service for the DDL parser; {@code MySqlConnectorTask.start} and {@code MariaDbConnectorTask.start} construct their
 * database schema with {@code new}, the schema's {@code createDdlParser} constructs the parser with {@code new}, and
 * {@code BinlogDatabaseSchema.ddlParser} is a private final field. Registering it would mean copying the task's start
 * (Debezium's code, and every upgrade's) or replacing private final fields by reflection from inside the task's start
 * (the schema history's calls are the only ones of ours between the schema's construction and the first parse);
 * neither is a design this product can keep.</li>
 * <li>Correcting the table in {@link io.mysqlmigrate.source.capture.CheckedSchemaHistory}: the history sees the
 * statement and its table changes only after Debezium has parsed it and built the rows' schema from the misread
 * table, and it never receives the schema's tables on a fresh start (only {@code recover} gets them, when offsets
 * exist); the misread name also breaks Debezium's own later lookups (MODIFY, DROP), which no later correction
 * reaches.</li>
 * <li>Renaming fields in the records by the source's information_schema (matched by ordinal position): fixes what
 * consumers see of ADD and CHANGE, but not Debezium's lookups above nor the unknown table after RENAME TO, and the
 * catalog shows the table as it is now, not as it was at the statement's binary log position (a later ALTER already
 * applied while the task catches up), so the mapping could be wrong with nothing to tell.</li>
 * </ul>
 * The refusal therefore stays for ALTER TABLE's column clauses and RENAME TO, naming the statement and the fix; every
 * other path (CREATE TABLE, RENAME TABLE, CREATE INDEX, ALTER TABLE's index, key and constraint clauses, key parts)
 * carries such names exactly and passes (corpus: hostile_names_in_live_ddl, hostile_names_in_schema). The way to lift it is upstream: a Debezium release whose ALTER TABLE listener undoubles
 * (DebeziumBacktickReadingTest fails on it), or one that lets a connector supply its DDL parser.
 */
public final class ParserGaps {

    private ParserGaps() {
    }

    /** The error that stops the migration at this statement, naming it, its table and the fix; empty when it is read right. */
    public static Optional<String> refusal(String database, String ddl) {
        Optional<String> columns = SimultaneousColumnNames.conflict(ddl);
        Optional<String> renamed = columns.isPresent() ? Optional.empty() : AlterBacktickNames.conflict(ddl);
        if (columns.isEmpty() && renamed.isEmpty()) {
            return Optional.empty();
        }
        String fix = columns.isPresent()
                ? "write such renames as separate statements (a swap through a temporary name), or in one statement in an"
                        + " order where every new name was freed by an earlier clause (RENAME COLUMN b TO c, RENAME COLUMN a TO b)."
                : "give columns names without a backtick, and rename such a table with RENAME TABLE.";
        return Optional.of("The source's statement on table " + SimultaneousColumnNames.tableOf(ddl)
                + (database == null || database.isEmpty() ? "" : " (database `" + database + "`)") + " cannot be captured: "
                + columns.orElseGet(renamed::get) + ". Statement: " + ddl + " . The rows of that table after it cannot be"
                + " decoded correctly, so the migration stops here. Fix: start the migration of that table again (a new"
                + " snapshot reads its definition from the server); on a source being migrated, " + fix);
    }
}
