package io.mysqlmigrate.precheck.verify;

import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.sink.naming.NameMapping;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.source.selection.TableName;
import io.mysqlmigrate.source.selection.TableSelection;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which tables a migration moves and how each should look on the destination, read from the connectors' own
 * settings: the source's database, table and column selection and its row filters, the sink's name mapping and name
 * case (with the destination's {@code lower_case_table_names}).
 */
public final class VerifyPlanner {

    /**
     * 1 for a generated column, VIRTUAL or STORED (MariaDB's PERSISTENT shows as STORED), from EXTRA as both flavours write
     * it; MySQL's DEFAULT_GENERATED (an expression default) and its generated invisible primary key (auto_increment
     * INVISIBLE) are ordinary columns a repair writes.
     */
    static final String GENERATED = "(EXTRA LIKE '%VIRTUAL GENERATED%' OR EXTRA LIKE '%STORED GENERATED%')";

    private VerifyPlanner() {
    }

    public static List<TablePair> plan(MigrationSourceConfig source, MigrationSinkConfig sink, Connection sourceConnection,
                                       Connection destinationConnection) throws SQLException {
        String lctn = CheckContext.variable(destinationConnection, "lower_case_table_names");
        NameMapping names = sink.nameMapping(lctn == null ? 0 : Integer.parseInt(lctn.trim()));
        TableSelection selection = new TableSelection(source.databases(), source.tables(), source.tablesExcluded());
        Map<TableName, RowCondition> filters = source.rowFilters();
        List<Pattern> include = patterns(source.columnsIncluded());
        List<Pattern> exclude = patterns(source.columnsExcluded());
        List<TablePair> pairs = new ArrayList<>();
        for (String database : source.databases()) {
            for (String table : DatabaseComparator.baseTables(sourceConnection, database.trim())) {
                TableName name = new TableName(database.trim(), table);
                if (!selection.selected(name)) {
                    continue;
                }
                List<String> key = primaryKey(sourceConnection, name);
                List<TablePair.ColumnPair> columns = new ArrayList<>();
                for (List<String> col : CheckContext.rows(sourceConnection, "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_SET_NAME, "
                        + GENERATED + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
                        name.database(), name.table())) {
                    String column = col.get(0);
                    String id = name.debeziumId() + "." + column;
                    boolean selected = (include.isEmpty() || include.stream().anyMatch(p -> p.matcher(id).matches()))
                            && exclude.stream().noneMatch(p -> p.matcher(id).matches());
                    if (selected || key.stream().anyMatch(column::equalsIgnoreCase)) {
                        columns.add(new TablePair.ColumnPair(column, names.column(name.database(), table, column), col.get(1),
                                col.get(2), "1".equals(col.get(3))));
                    }
                }
                RowCondition filter = filters.get(name);
                pairs.add(new TablePair(name.database(), table, names.database(name.database()), names.table(name.database(), table),
                        columns, key, filter == null ? null : filter.text()));
            }
        }
        return pairs;
    }

    static List<String> primaryKey(Connection c, TableName table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX")) {
            ps.setString(1, table.database());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key;
    }

    /** Column patterns as the source connector applies them: whole 'database.table.column', ignoring case. */
    private static List<Pattern> patterns(List<String> list) {
        return list.stream().map(String::trim).filter(s -> !s.isEmpty()).map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
    }
}
