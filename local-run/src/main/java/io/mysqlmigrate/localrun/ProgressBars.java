package io.mysqlmigrate.localrun;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text progress bars for the full load, one per table plus a total line. Pure functions of the numbers, so they
 * are tested without a terminal; {@link Terminal} decides whether they are redrawn in place or printed.
 */
final class ProgressBars {
    private static final char[] PARTIAL = {' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'};
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 40;
    private static final int MAX_LABEL = 28;

    /** Rows of one table on the destination ({@code done}) against the source's count at the start ({@code total}). */
    record Row(String label, long done, long total) {
        /** 0..1; an empty table counts as complete; more rows than the start count (live inserts) as 1. */
        double fraction() {
            if (total <= 0) {
                return 1.0;
            }
            return Math.max(0.0, Math.min(1.0, (double) done / total));
        }
    }

    private ProgressBars() {
    }

    /** A bar of exactly {@code width} characters between brackets. */
    static String bar(double fraction, int width, boolean unicode) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        StringBuilder s = new StringBuilder(width + 2).append('[');
        if (unicode) {
            int eighths = (int) Math.floor(f * width * 8);
            int full = eighths / 8;
            s.append("█".repeat(full));
            if (full < width) {
                int rest = eighths % 8;
                s.append(rest == 0 ? "░" : String.valueOf(PARTIAL[rest]));
                s.append("░".repeat(width - full - 1));
            }
        } else {
            int full = (int) Math.floor(f * width);
            s.append("#".repeat(full)).append(".".repeat(width - full));
        }
        return s.append(']').toString();
    }

    static String percent(double fraction) {
        return String.format(Locale.US, "%3d%%", (int) Math.floor(fraction * 100));
    }

    /**
     * The lines of the progress area: one per table and a total with the overall rate. No line is longer than
     * {@code columns} (at least 40), so a redraw in place never wraps.
     */
    static List<String> render(List<Row> rows, long elapsedNanos, String status, boolean unicode, int columns) {
        int width = Math.max(40, columns);
        long done = rows.stream().mapToLong(Row::done).sum();
        long total = rows.stream().mapToLong(Row::total).sum();
        int labelWidth = Math.min(MAX_LABEL, Math.max("total".length(),
                rows.stream().mapToInt(r -> r.label().length()).max().orElse(5)));
        List<String> counts = new ArrayList<>();
        for (Row r : rows) {
            counts.add(Format.count(r.done()) + " / " + Format.count(r.total()));
        }
        String totalCounts = Format.count(done) + " / " + Format.count(total);
        int countsWidth = Math.max(totalCounts.length(), counts.stream().mapToInt(String::length).max().orElse(0));
        // "  " label " " [bar] " " pct "  " counts
        int barWidth = Math.max(MIN_BAR, Math.min(MAX_BAR, width - (2 + labelWidth + 1 + 2 + 1 + 4 + 2 + countsWidth)));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            lines.add(cut("  " + Format.fit(r.label(), labelWidth) + " " + bar(r.fraction(), barWidth, unicode) + " "
                    + percent(r.fraction()) + "  " + pad(counts.get(i), countsWidth), width));
        }
        double totalFraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
        lines.add(cut("  " + Format.fit("total", labelWidth) + " " + bar(totalFraction, barWidth, unicode) + " "
                + percent(totalFraction) + "  " + pad(totalCounts, countsWidth), width));
        lines.add(cut("  " + Format.rate(done, elapsedNanos) + " rows/s, " + Format.seconds(elapsedNanos)
                + (status == null || status.isEmpty() ? "" : "; " + status), width));
        return lines;
    }

    /** One line for a log or a pipe: the total and each table in short. */
    static String summary(List<Row> rows, long elapsedNanos, String status) {
        long done = rows.stream().mapToLong(Row::done).sum();
        long total = rows.stream().mapToLong(Row::total).sum();
        double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
        StringBuilder s = new StringBuilder("  full load ").append(percent(fraction).strip()).append(": ")
                .append(Format.count(done)).append(" / ").append(Format.count(total)).append(" rows, ")
                .append(Format.rate(done, elapsedNanos)).append(" rows/s, ").append(Format.seconds(elapsedNanos));
        if (status != null && !status.isEmpty()) {
            s.append("; ").append(status);
        }
        s.append(" (");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            s.append(i == 0 ? "" : ", ").append(r.label()).append(' ').append(Format.count(r.done())).append('/')
                    .append(Format.count(r.total()));
        }
        return s.append(')').toString();
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String cut(String line, int width) {
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }
}
