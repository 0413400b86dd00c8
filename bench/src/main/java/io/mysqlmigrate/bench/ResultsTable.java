package io.mysqlmigrate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The contenders' outcomes as a Markdown table, with ratios to the two reference rows. */
final class ResultsTable {
    /** One contender's outcome: nanos &lt; 0 when it was skipped or failed ({@code note} says why). */
    record Row(String contender, long nanos, String note) {
        boolean timed() {
            return nanos >= 0;
        }
    }

    static final String DEBEZIUM = "Debezium MariaDB source + Debezium JDBC sink";
    static final String DUMP = "mariadb-dump | mariadb";

    private final long rowsMoved;
    private final List<Row> rows = new ArrayList<>();

    ResultsTable(long rowsMoved) {
        this.rowsMoved = rowsMoved;
    }

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return rows;
    }

    String render() {
        long dbz = nanosOf(DEBEZIUM);
        long dump = nanosOf(DUMP);
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"contender", "seconds", "rows/s", "vs Debezium JDBC sink", "vs mariadb-dump|mariadb", "check"});
        for (Row r : rows) {
            if (!r.timed()) {
                cells.add(new String[] {r.contender(), "-", "-", "-", "-", r.note()});
                continue;
            }
            double seconds = r.nanos() / 1e9;
            cells.add(new String[] {r.contender(), String.format(Locale.US, "%.1f", seconds),
                    String.format(Locale.US, "%,.0f", rowsMoved / seconds), ratio(dbz, r.nanos()), ratio(dump, r.nanos()),
                    r.note()});
        }
        int[] widths = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            out.append(line(cells.get(n), widths));
            if (n == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.append(line(rule, widths));
            }
        }
        out.append("\nratio = that contender's speed divided by the reference's (2.00x: twice as fast; '-': reference not timed)\n");
        return out.toString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            boolean right = i >= 1 && i <= 4;
            String cell = cells[i];
            String pad = " ".repeat(widths[i] - cell.length());
            b.append(' ').append(right ? pad + cell : cell + pad).append(" |");
        }
        return b.append('\n').toString();
    }

    private long nanosOf(String contender) {
        return rows.stream().filter(r -> r.contender().equals(contender) && r.timed()).mapToLong(Row::nanos).findFirst()
                .orElse(-1);
    }

    private static String ratio(long reference, long nanos) {
        if (reference <= 0 || nanos <= 0) {
            return "-";
        }
        return String.format(Locale.US, "%.2fx", (double) reference / nanos);
    }
}
