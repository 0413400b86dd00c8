package io.mysqlmigrate.localrun;

import io.mysqlmigrate.localrun.SinkWatch.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source's tables and their row counts at the start: the totals of the full load's progress bars.
 *
 * @param counts rows per table, in the order of {@code tables}
 */
record SourceTables(List<Table> tables, Map<Table, Long> counts) {

    /** Counts the rows of every table of the plan's databases, and shows them for an existing source. */
    static SourceTables count(RunPlan plan, Endpoint source, Terminal term) {
        if (!plan.demoSource()) {
            term.println();
            term.println("Source row counts at the start");
        }
        List<Table> tables;
        Map<Table, Long> sourceCounts = new LinkedHashMap<>();
        try (Connection c = source.open()) {
            tables = SinkWatch.tables(c, plan.databases());
            for (Table table : tables) {
                sourceCounts.put(table, SinkWatch.count(c, table));
            }
        } catch (SQLException e) {
            throw new LocalRunException(source.explain(e), e);
        }
        int width = tables.stream().mapToInt(t -> t.label().length()).max().orElse(10);
        for (Table table : tables) {
            String count = Format.count(sourceCounts.get(table));
            term.println("    " + Format.fit(table.label(), width) + " " + " ".repeat(Math.max(0, 9 - count.length()))
                    + count + " rows");
        }
        if (tables.isEmpty()) {
            term.println("    (no tables: only the schema is migrated)");
        }
        return new SourceTables(tables, sourceCounts);
    }
}
