package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migration assessment: InnoDB indexes whose character key parts would be too long once their columns are utf8mb4 (4
 * bytes a character), as DestinationCharsetCheck recommends for 4-byte data. A key part may hold 3072 bytes (767 in
 * ROW_FORMAT=COMPACT or REDUNDANT), and a whole index 3072. The row format is the table's own when its CREATE TABLE
 * names one, else the destination's innodb_default_row_format, under which the migrated table is created.
 */
public final class IndexPrefixUtf8mb4Check implements Check {

    static final int INDEX_BYTES = 3072;
    static final int SMALL_FORMAT_PART_BYTES = 767;
    private static final Pattern ROW_FORMAT = Pattern.compile("(?i)row_format=(\\w+)");

    private record KeyPart(String column, Integer subPart, Integer characters) {
    }

    private record Index(String database, String table, String name, boolean unique, String rowFormat, List<KeyPart> parts) {
        String qualified() {
            return database + "." + table + "." + name;
        }
    }

    @Override
    public String id() {
        return "assess.index_prefix.utf8mb4";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        String destinationDefault = CheckContext.variable(ctx.destinationConnection(), "innodb_default_row_format");
        Map<String, Index> indexes = new LinkedHashMap<>();
        for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME, s.NON_UNIQUE, "
                + "s.COLUMN_NAME, s.SUB_PART, c.CHARACTER_SET_NAME, c.CHARACTER_MAXIMUM_LENGTH, t.CREATE_OPTIONS "
                + "FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = s.TABLE_SCHEMA "
                + "AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME JOIN information_schema.TABLES t "
                + "ON t.TABLE_SCHEMA = s.TABLE_SCHEMA AND t.TABLE_NAME = s.TABLE_NAME WHERE s.TABLE_SCHEMA IN (%s) "
                + "AND t.TABLE_TYPE = 'BASE TABLE' AND t.ENGINE = 'InnoDB' AND s.INDEX_TYPE = 'BTREE' "
                + "ORDER BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX")) {
            if (!SelectedTablesQuery.selected(ctx, r.get(0), r.get(1))) {
                continue;
            }
            Matcher explicit = ROW_FORMAT.matcher(r.get(8) == null ? "" : r.get(8));
            String rowFormat = (explicit.find() ? explicit.group(1) : destinationDefault == null ? "dynamic" : destinationDefault)
                    .toLowerCase(Locale.ROOT);
            Index index = indexes.computeIfAbsent(r.get(0) + "\0" + r.get(1) + "\0" + r.get(2), k -> new Index(r.get(0), r.get(1),
                    r.get(2), "0".equals(r.get(3)), rowFormat, new ArrayList<>()));
            boolean text = r.get(6) != null && !"binary".equalsIgnoreCase(r.get(6));
            Integer subPart = r.get(5) == null ? null : Integer.valueOf(r.get(5));
            Integer characters = !text ? null : subPart != null ? subPart : r.get(7) == null ? null : (int) Math.min(Integer.MAX_VALUE,
                    Long.parseLong(r.get(7)));
            index.parts().add(new KeyPart(r.get(4), subPart, characters));
        }
        List<String> found = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (Index index : indexes.values()) {
            int partLimit = index.rowFormat().equals("compact") || index.rowFormat().equals("redundant") ? SMALL_FORMAT_PART_BYTES
                    : INDEX_BYTES;
            long textParts = index.parts().stream().filter(p -> p.characters() != null).count();
            long total = index.parts().stream().filter(p -> p.characters() != null).mapToLong(p -> 4L * p.characters()).sum();
            List<String> tooLong = index.parts().stream().filter(p -> p.characters() != null && 4L * p.characters() > partLimit)
                    .map(p -> p.column() + " " + 4L * p.characters() + " bytes").toList();
            if (tooLong.isEmpty() && total <= INDEX_BYTES) {
                continue;
            }
            found.add(index.qualified() + " (" + index.rowFormat() + ": " + (tooLong.isEmpty() ? "" : String.join(", ", tooLong)
                    + "; ") + "index " + total + " of " + INDEX_BYTES + " bytes)");
            int perPart = (int) Math.min(partLimit, INDEX_BYTES / textParts) / 4;
            fixes.add(rebuild(index, perPart));
        }
        if (found.isEmpty()) {
            return CheckResult.pass(id(), "every index of the selected tables fits its limits with utf8mb4 columns");
        }
        return CheckResult.warn(id(), "indexes too long once their columns are utf8mb4: " + String.join("; ", found),
                "Converting these columns to utf8mb4 (which 4-byte data such as emoji needs), or creating such a table where "
                        + "its columns are utf8mb4, fails for a unique key or a key part over its limit ('Index column size too "
                        + "large'); a non-unique index is shortened to a prefix with only a note (1071), so it no longer is the "
                        + "source's index.",
                "Index a prefix of the long columns, on the source before the migration or on the destination before converting: "
                        + String.join("; ", fixes) + "; (a prefix of a UNIQUE or PRIMARY key makes the prefix unique: check the "
                        + "data allows it) or leave the columns in their character set.");
    }

    /** The index again, with each text key part at most {@code perPart} characters. */
    private static String rebuild(Index index, int perPart) {
        List<String> parts = new ArrayList<>();
        for (KeyPart p : index.parts()) {
            Integer length = p.characters() != null && p.characters() > perPart ? Integer.valueOf(perPart) : p.subPart();
            parts.add(Identifiers.quote(p.column()) + (length == null ? "" : "(" + length + ")"));
        }
        String table = "ALTER TABLE " + Identifiers.quote(index.database(), index.table());
        String columns = " (" + String.join(", ", parts) + ")";
        if (index.name().equals("PRIMARY")) {
            return table + " DROP PRIMARY KEY, ADD PRIMARY KEY" + columns;
        }
        String name = Identifiers.quote(index.name());
        return table + " DROP INDEX " + name + ", ADD " + (index.unique() ? "UNIQUE " : "") + "INDEX " + name + columns;
    }
}
