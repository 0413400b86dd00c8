package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.checks.CapturedValuesScan.Column;
import io.mysqlmigrate.precheck.checks.CapturedValuesScan.Finding;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migration assessment: values in the selected columns that Debezium's capture changes without a word, or cannot carry
 * at all, as measured by the type-fidelity corpus (docs/TYPES.md). They cannot be repaired downstream (the capture
 * loses them before any converter sees them), so the operator has to fix them on the source or accept the change, and
 * must know before the migration starts. One check per kind of value, so each can be acknowledged on its own; the kinds
 * share one scan ({@link CapturedValuesScan}). A value that stops the migration for certain is a FAIL, one that is
 * changed is a WARN.
 */
public final class CapturedValuesCheck implements Check {

    /** The kinds of values, each with its check id and the migration types it matters for. */
    public enum Kind {
        /** DATE/DATETIME with a zero year, month or day: NULL or 1970-01-01, in the snapshot and in the stream. */
        ZERO_DATES("assess.values.zero_dates", MigrationType.FULL, MigrationType.INCREMENTAL),
        /** A zero TIMESTAMP in a nullable column: NULL through the snapshot (the stream and NOT NULL columns are exact). */
        ZERO_TIMESTAMPS("assess.values.zero_timestamps", MigrationType.FULL),
        /** YEAR 0000: the snapshot stops the source task (the stream is exact). */
        YEAR_ZERO("assess.values.year_zero", MigrationType.FULL),
        /** latin1 bytes Windows-1252 leaves undefined: U+FFFD in the stream, which stops the sink. */
        LATIN1_UNDEFINED_BYTES("assess.values.latin1_undefined_bytes", MigrationType.INCREMENTAL),
        /** DATETIME in the ten days the Julian/Gregorian switch skipped: 10 days later through the snapshot. */
        CALENDAR_SWITCH("assess.values.calendar_switch", MigrationType.FULL);

        private final String id;
        private final Set<MigrationType> phases;

        Kind(String id, MigrationType... phases) {
            this.id = id;
            this.phases = Set.of(phases);
        }

        public String id() {
            return id;
        }

        boolean appliesTo(Set<MigrationType> types) {
            return types.stream().anyMatch(phases::contains);
        }
    }

    /** The latin1 bytes MariaDB maps to U+0081, U+008D, U+008F, U+0090, U+009D and Java's windows-1252 to U+FFFD. */
    static final List<String> LATIN1_UNDEFINED = List.of("81", "8D", "8F", "90", "9D");
    private static final Pattern CHARSET_OR_COLLATION = Pattern.compile("(?i)^\\s+(?:CHARACTER SET|COLLATE)\\s+(\\w+)");

    private final Kind kind;
    private final CapturedValuesScan scan;

    private CapturedValuesCheck(Kind kind, CapturedValuesScan scan) {
        this.kind = kind;
        this.scan = scan;
    }

    /** One check per kind, sharing one scan of the source. */
    public static List<Check> family() {
        CapturedValuesScan scan = new CapturedValuesScan();
        return Arrays.stream(Kind.values()).map(k -> (Check) new CapturedValuesCheck(k, scan)).toList();
    }

    @Override
    public String id() {
        return kind.id();
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return kind.appliesTo(types);
    }

    /**
     * The conditions that tell this kind's values apart in a column (quoted), by label. Date parts rather than
     * zero-date literals, so they do not depend on how a session's sql_mode treats a literal like '0000-00-00' (the
     * fixing UPDATEs run in a TRADITIONAL session in CapturedValuesOnMariaDbIT).
     */
    static Map<String, String> variants(Kind kind, String c) {
        Map<String, String> v = new LinkedHashMap<>();
        switch (kind) {
            case ZERO_DATES -> {
                v.put("zero date", "YEAR(" + c + ") = 0 AND MONTH(" + c + ") = 0 AND DAYOFMONTH(" + c + ") = 0");
                v.put("zero month or day", "(MONTH(" + c + ") = 0 OR DAYOFMONTH(" + c + ") = 0) AND (YEAR(" + c + ") > 0 OR MONTH("
                        + c + ") > 0 OR DAYOFMONTH(" + c + ") > 0)");
                v.put("year 0000", "YEAR(" + c + ") = 0 AND MONTH(" + c + ") > 0 AND DAYOFMONTH(" + c + ") > 0");
            }
            case ZERO_TIMESTAMPS -> v.put("zero timestamp", "MONTH(" + c + ") = 0");
            case YEAR_ZERO -> v.put("year 0000", c + " = 0");
            case LATIN1_UNDEFINED_BYTES -> v.put("bytes " + String.join(" ", LATIN1_UNDEFINED.stream().map(b -> "0x" + b).toList()),
                    "(" + String.join(" OR ", LATIN1_UNDEFINED.stream().map(b -> "INSTR(CAST(" + c + " AS BINARY), X'" + b + "') > 0")
                            .toList()) + ")");
            case CALENDAR_SWITCH -> v.put("1582-10-05 to 1582-10-14", c + " >= '1582-10-05' AND " + c + " < '1582-10-15'");
        }
        return v;
    }

    /** All of this kind's values in a column: the WHERE of the fixing statement. */
    static String anyVariant(Kind kind, String c) {
        return switch (kind) {
            case ZERO_DATES -> "(YEAR(" + c + ") = 0 OR MONTH(" + c + ") = 0 OR DAYOFMONTH(" + c + ") = 0)";
            default -> String.join(" OR ", variants(kind, c).values());
        };
    }

    /** What the migration makes of such a value in this column. */
    static String outcome(Kind kind, Column c) {
        return switch (kind) {
            case ZERO_DATES -> c.nullable() ? "NULL" : c.dataType().equals("date") ? "1970-01-01" : "1970-01-01 00:00:00";
            case ZERO_TIMESTAMPS -> "NULL";
            case YEAR_ZERO -> "the source task stops (MariaDB), 2000 (MySQL)";
            case LATIN1_UNDEFINED_BYTES -> "U+FFFD when streamed, and the sink stops";
            case CALENDAR_SWITCH -> "10 days later";
        };
    }

    /** {@code db.t.c (DATE NOT NULL): 2 rows (zero date: 1, zero month or day: 1) -> 1970-01-01}. */
    static String describe(Finding f) {
        List<String> parts = new ArrayList<>();
        f.counts().forEach((label, n) -> parts.add(label + ": " + n));
        long rows = f.rows();
        return f.column().qualified() + " (" + f.column().describe() + "): " + rows + (rows == 1 ? " row (" : " rows (")
                + String.join(", ", parts) + ") -> " + outcome(f.kind(), f.column());
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        List<Finding> findings = scan.findings(ctx).stream().filter(f -> f.kind() == kind).toList();
        boolean filtered = ctx.source().rowFilters().size() > 0;
        if (findings.isEmpty()) {
            return CheckResult.pass(id(), "no " + noun() + " in the selected columns" + (filtered ? " (rows the row filters keep)" : ""));
        }
        List<String> found = findings.stream().map(CapturedValuesCheck::describe).toList();
        List<String> fixes = new ArrayList<>();
        for (Finding f : findings) {
            fixes.add(kind == Kind.LATIN1_UNDEFINED_BYTES ? toUtf8mb4Statement(ctx, f.column()) : update(f));
        }
        String foundText = noun() + ": " + String.join("; ", found)
                + (findings.stream().anyMatch(f -> f.filter() != null) ? " (counting the rows the row filters keep)" : "");
        String statements = String.join("; ", fixes) + ";";
        return switch (kind) {
            case ZERO_DATES -> CheckResult.warn(id(), foundText, "Debezium's binary log reader turns a DATE or DATETIME with a "
                            + "zero year, month or day into nothing before any converter sees it, and the snapshot's driver reads zero "
                            + "dates as NULL: the destination gets NULL in a nullable column and 1970-01-01 (a real date, which nothing "
                            + "can tell apart afterwards) in a NOT NULL one, in the full load and whenever a change to the row is "
                            + "streamed. Nothing reports it. (Measured for zero dates and zero months or days; for year 0000 with a "
                            + "valid month and day it follows from the same reader.)",
                    "Give them values that survive, on the source: " + statements + " (replace <a valid date> or <a valid datetime> "
                            + "with a quoted value you choose; NULL is what the migration would write anyway); or acknowledge "
                            + id() + " to accept NULL / 1970-01-01 on the destination. New zero dates written during the "
                            + "migration: see source.sql_mode.zero_dates.");
            case ZERO_TIMESTAMPS -> CheckResult.warn(id(), foundText, "The snapshot's driver reads a zero TIMESTAMP as NULL "
                            + "(Debezium connects with zeroDateTimeBehavior=CONVERT_TO_NULL), so the full load writes NULL where the "
                            + "source holds '0000-00-00 00:00:00'. Zero TIMESTAMPs in NOT NULL columns, and streamed ones, arrive exactly.",
                    "Make the source say what the destination will hold: " + statements + " or acknowledge " + id()
                            + " to accept NULL on the destination.");
            case YEAR_ZERO -> CheckResult.fail(id(), foundText, "The snapshot cannot carry YEAR 0000. From a MariaDB source the "
                            + "driver returns YEAR as a java.sql.Date and refuses 0000-01-01, which stops the source task at this "
                            + "table, so the full load never completes; from a MySQL source it arrives as 2000, a real year nothing "
                            + "can tell apart afterwards (measured on MySQL 9.7; Debezium maps the year 0 to 2000). "
                            + "Streamed YEAR 0000 values arrive exactly.",
                    "Change them on the source before the full load: " + statements + " (replace <a valid year> with a year you "
                            + "choose); or leave the column out (columns.exclude).");
            case LATIN1_UNDEFINED_BYTES -> CheckResult.warn(id(), foundText, "MariaDB's latin1 is Windows-1252 with these five "
                            + "undefined bytes kept as U+0081, U+008D, U+008F, U+0090 and U+009D. The full load carries them, but "
                            + "Debezium decodes streamed latin1 values with Java's windows-1252, which turns them into U+FFFD: the "
                            + "destination's latin1 column refuses it and the sink stops at the first streamed change of such a row "
                            + "(an update of any of its columns: row images are full), or of a new row holding these bytes.",
                    "Convert the columns to utf8mb4, which keeps every latin1 character (0x81 becomes U+0081) and travels exactly: "
                            + statements + " (index lengths: see assess.index_prefix.utf8mb4; a column that holds bytes rather than "
                            + "text can be VARBINARY/BLOB instead); or acknowledge " + id() + " if these rows will not change "
                            + "while the migration streams.");
            case CALENDAR_SWITCH -> CheckResult.warn(id(), foundText, "These ten days exist in MySQL's proleptic Gregorian "
                            + "calendar but not in the Julian/Gregorian calendar of java.sql.Timestamp, through which the snapshot "
                            + "reads DATETIME: the full load writes them 10 days later (1582-10-05 becomes 1582-10-15). DATE columns "
                            + "and streamed values arrive exactly.",
                    "Acknowledge " + id() + " and, once the full load is done, repair those rows on the destination with "
                            + "mysql-migrate verify (its repair SQL writes the source's values); or change them on the source: "
                            + statements + " (replace <a valid datetime> with a quoted value you choose).");
        };
    }

    private String noun() {
        return switch (kind) {
            case ZERO_DATES -> "zero dates and dates with a zero year, month or day";
            case ZERO_TIMESTAMPS -> "zero TIMESTAMPs in nullable columns";
            case YEAR_ZERO -> "YEAR 0000 values";
            case LATIN1_UNDEFINED_BYTES -> "latin1 values with bytes undefined in Windows-1252";
            case CALENDAR_SWITCH -> "DATETIME values from 1582-10-05 to 1582-10-14";
        };
    }

    /** The UPDATE giving a column's values of this kind a value that survives, keeping ON UPDATE columns as they are. */
    static String update(Finding f) {
        Column c = f.column();
        String value = switch (f.kind()) {
            case ZERO_DATES -> c.nullable() ? "NULL" : c.dataType().equals("date") ? "<a valid date>" : "<a valid datetime>";
            case ZERO_TIMESTAMPS -> "NULL";
            case YEAR_ZERO -> c.nullable() ? "NULL" : "<a valid year>";
            case CALENDAR_SWITCH -> "<a valid datetime>";
            case LATIN1_UNDEFINED_BYTES -> throw new IllegalArgumentException("latin1 columns are converted, not updated");
        };
        StringBuilder sql = new StringBuilder("UPDATE " + Identifiers.quote(c.database(), c.table()) + " SET " + c.quoted() + " = " + value);
        for (String kept : f.onUpdate()) {
            if (!kept.equalsIgnoreCase(c.name())) {
                sql.append(", ").append(Identifiers.quote(kept)).append(" = ").append(Identifiers.quote(kept));
            }
        }
        sql.append(" WHERE ").append(anyVariant(f.kind(), c.quoted()));
        if (f.filter() != null) {
            sql.append(" AND (").append(f.filter().text()).append(")");
        }
        return sql.toString();
    }

    private static String toUtf8mb4Statement(CheckContext ctx, Column c) throws SQLException {
        String qualified = Identifiers.quote(c.database(), c.table());
        String create = CheckContext.rows(ctx.sourceConnection(), "SHOW CREATE TABLE " + qualified).get(0).get(1);
        String prefix = c.quoted() + " ";
        for (String line : create.split("\n")) {
            String definition = line.trim();
            if (definition.startsWith(prefix)) {
                definition = definition.endsWith(",") ? definition.substring(0, definition.length() - 1) : definition;
                return "ALTER TABLE " + qualified + " MODIFY " + utf8mb4Definition(definition, c.quoted());
            }
        }
        return "ALTER TABLE " + qualified + " MODIFY " + c.quoted() + " <its definition> CHARACTER SET utf8mb4";
    }

    /**
     * A column definition as SHOW CREATE TABLE prints it, with its character set made utf8mb4: the CHARACTER SET and
     * COLLATE right after the type are replaced (a binary collation stays binary, utf8mb4_bin; any other takes utf8mb4's
     * default), whatever follows (NULL, DEFAULT, COMMENT, ...) is kept.
     */
    static String utf8mb4Definition(String definition, String quotedName) {
        String rest = definition.substring(quotedName.length() + 1);
        int space = rest.indexOf(' ');
        String type = space < 0 ? rest : rest.substring(0, space);
        String after = space < 0 ? "" : rest.substring(space);
        boolean binary = false;
        for (Matcher m = CHARSET_OR_COLLATION.matcher(after); m.find(); m = CHARSET_OR_COLLATION.matcher(after)) {
            binary |= m.group(1).toLowerCase(Locale.ROOT).endsWith("_bin");
            after = after.substring(m.end());
        }
        return quotedName + " " + type + " CHARACTER SET utf8mb4" + (binary ? " COLLATE utf8mb4_bin" : "") + after;
    }
}
