package io.mysqlmigrate.precheck.verify;

import io.mysqlmigrate.dialect.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Statements that make destination rows equal to the source's, with the source's values written as hexadecimal
 * literals of their exact server image (so no value passes through Java's types): INSERT for a missing row, UPDATE
 * of its other columns for a different one, DELETE for an extra one, each by primary key. Plain statements, valid on
 * MySQL and MariaDB alike; no REPLACE, which would delete first and fire cascading foreign keys. Generated columns
 * (VIRTUAL or STORED) are never written: the destination computes them, and a strict sql_mode rejects any value given
 * for one (MariaDB error 1906, MySQL 3105). A generated column in the key is only matched on.
 */
public final class RepairSql {

    private static final Set<String> BINARY_TYPES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob",
            "bit", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
            "geometrycollection");

    private RepairSql() {
    }

    /** The session settings a repair file starts with: values are written as the verify session (UTC) read them. */
    public static String preamble() {
        return "SET SESSION time_zone = '+00:00';\n";
    }

    public static String insert(TablePair pair, List<String> hexValues) {
        List<String> names = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < pair.columns().size(); i++) {
            TablePair.ColumnPair c = pair.columns().get(i);
            if (c.generated()) {
                continue;
            }
            names.add(Identifiers.quote(c.destination()));
            literals.add(literal(hexValues.get(i), c));
        }
        return "INSERT INTO " + table(pair) + " (" + String.join(", ", names) + ") VALUES (" + String.join(", ", literals) + ");";
    }

    /**
     * The UPDATE of every non-key column that is not generated; null when every column is part of the key (nothing can
     * differ); a comment naming the row when the only other columns are generated, since then only they can differ and
     * no statement can set them (the destination's generation expression differs from the source's).
     */
    public static String update(TablePair pair, List<String> hexValues) {
        List<String> sets = new ArrayList<>();
        List<String> keyHex = new ArrayList<>();
        boolean generatedOnly = false;
        for (int i = 0; i < pair.columns().size(); i++) {
            TablePair.ColumnPair c = pair.columns().get(i);
            if (isKey(pair, c)) {
                continue;
            }
            if (c.generated()) {
                generatedOnly = true;
                continue;
            }
            sets.add(Identifiers.quote(c.destination()) + " = " + literal(hexValues.get(i), c));
        }
        for (String k : pair.sourceKey()) {
            keyHex.add(hexValues.get(pair.columns().indexOf(pair.column(k))));
        }
        if (sets.isEmpty()) {
            return generatedOnly ? "-- " + table(pair) + " WHERE " + keyCondition(pair, keyHex) + ": only generated columns can "
                    + "differ, which no statement writes; compare the column definitions (SHOW CREATE TABLE) on both sides" : null;
        }
        return "UPDATE " + table(pair) + " SET " + String.join(", ", sets) + " WHERE " + keyCondition(pair, keyHex) + ";";
    }

    public static String delete(TablePair pair, RowKey key) {
        return "DELETE FROM " + table(pair) + " WHERE " + keyCondition(pair, key.hex()) + ";";
    }

    /**
     * A value as SQL: NULL; {@code X'..'} for binary types; {@code CONVERT(X'..' USING cs)} for text in its own
     * character set; {@code CONVERT(X'..' USING utf8mb4)} for the rest (numbers, temporal values, JSON), whose image is
     * their text.
     */
    public static String literal(String hex, TablePair.ColumnPair column) {
        if (hex == null) {
            return "NULL";
        }
        String type = column.dataType() == null ? "" : column.dataType().toLowerCase(Locale.ROOT);
        String x = "X'" + hex + "'";
        if (BINARY_TYPES.contains(type)) {
            return x;
        }
        String charset = column.charset() != null && column.charset().matches("[A-Za-z0-9_]+") ? column.charset() : "utf8mb4";
        return "CONVERT(" + x + " USING " + charset + ")";
    }

    private static boolean isKey(TablePair pair, TablePair.ColumnPair c) {
        return pair.sourceKey().stream().anyMatch(k -> k.equalsIgnoreCase(c.source()));
    }

    private static String keyCondition(TablePair pair, List<String> keyHex) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pair.sourceKey().size(); i++) {
            TablePair.ColumnPair c = pair.column(pair.sourceKey().get(i));
            parts.add(Identifiers.quote(c.destination()) + " = " + literal(keyHex.get(i), c));
        }
        return String.join(" AND ", parts);
    }

    private static String table(TablePair pair) {
        return Identifiers.quote(pair.destinationDatabase(), pair.destinationTable());
    }
}
