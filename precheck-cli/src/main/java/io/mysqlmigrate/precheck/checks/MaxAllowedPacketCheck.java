package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.checks.SelectedTablesQuery.SelectedTable;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The destination's max_allowed_packet holds the largest row of the selection: the sink sends every row in one
 * statement, a row longer than the packet is refused, and the sink counts on half the packet for the row (the rest for
 * the statement and its encoding). A row's size is estimated as the declared maximum of its bounded columns plus the
 * actual longest BLOB/TEXT/JSON content, measured with one scan of tables up to a size cap (and up to a total); other
 * tables with such columns whose declared maximum could exceed half the packet are reported as not measured.
 */
public final class MaxAllowedPacketCheck implements Check {

    /** Tables up to this size (data + indexes) are scanned for their longest LOB values, ... */
    static final long DEFAULT_MEASURE_CAP = 256L << 20;
    /** ... until the scans together have read this much: the precheck must not weigh on a busy source. */
    static final long SCAN_BUDGET_PER_CAP = 4;
    static final long MAX_PACKET = 1L << 30;
    private static final long MIB = 1L << 20;
    private static final Map<String, Long> LOB_MAX = Map.of("tinyblob", 255L, "tinytext", 255L, "blob", 65_535L,
            "text", 65_535L, "mediumblob", 16_777_215L, "mediumtext", 16_777_215L);
    /** Columns with no declared length worth summing: the long LOBs, JSON and spatial values. */
    private static final long UNBOUNDED = 4_294_967_295L;

    private final long measureCap;

    public MaxAllowedPacketCheck() {
        this(DEFAULT_MEASURE_CAP);
    }

    MaxAllowedPacketCheck(long measureCap) {
        this.measureCap = measureCap;
    }

    @Override
    public String id() {
        return "destination.max_allowed_packet";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.FULL) || types.contains(MigrationType.INCREMENTAL);
    }

    private record Column(String name, String type, Long octets, Long precision) {
        boolean isLob() {
            return type.endsWith("blob") || type.endsWith("text") || "json".equals(type) || isSpatial();
        }

        boolean isSpatial() {
            return Set.of("geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                    "geometrycollection", "geomcollection").contains(type);
        }

        /** Most bytes a bounded column holds (numbers and dates as their longest text). */
        long boundedMax() {
            return octets != null ? octets : precision != null ? precision + 2 : 32;
        }

        long declaredMax() {
            return LOB_MAX.getOrDefault(type, UNBOUNDED);
        }
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        long packet = Long.parseLong(CheckContext.variable(ctx.destinationConnection(), "max_allowed_packet"));
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, "
                + "CHARACTER_OCTET_LENGTH, NUMERIC_PRECISION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (%s) "
                + "ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION")) {
            columns.computeIfAbsent(r.get(0) + "." + r.get(1), t -> new ArrayList<>()).add(new Column(r.get(2),
                    r.get(3).toLowerCase(Locale.ROOT), r.get(4) == null ? null : Long.parseLong(r.get(4)),
                    r.get(5) == null ? null : Long.parseLong(r.get(5))));
        }
        long largest = 0;
        String largestTable = null;
        List<String> unmeasured = new ArrayList<>();
        long budget = measureCap * SCAN_BUDGET_PER_CAP;
        for (SelectedTable t : SelectedTablesQuery.baseTables(ctx)) {
            List<Column> cols = columns.getOrDefault(t.qualified(), List.of());
            long bounded = cols.stream().filter(c -> !c.isLob()).mapToLong(Column::boundedMax).sum();
            List<Column> lobs = cols.stream().filter(Column::isLob).toList();
            long row;
            if (lobs.isEmpty()) {
                row = bounded;
            } else if (t.dataLength() + t.indexLength() <= Math.min(measureCap, budget)) {
                budget -= t.dataLength() + t.indexLength();
                row = bounded + longestLobContent(ctx, t, lobs);
            } else {
                row = bounded + lobs.stream().mapToLong(Column::declaredMax).sum();
                if (row > packet / 2) {
                    unmeasured.add(t.qualified());
                    continue;
                }
            }
            if (row > largest) {
                largest = row;
                largestTable = t.qualified();
            }
        }
        String found = "largest row about " + largest + " bytes" + (largestTable == null ? "" : " (" + largestTable + ")")
                + ", destination max_allowed_packet = " + packet;
        long recommended = Math.min(MAX_PACKET, ((2 * largest + MIB) + MIB - 1) / MIB * MIB);
        String fix = "SET GLOBAL max_allowed_packet = " + recommended + "; and max_allowed_packet = " + (recommended / MIB)
                + "M in the destination's my.cnf (new connections get it; restart the sink's tasks).";
        if (largest > packet) {
            return CheckResult.fail(id(), found, "The destination refuses a statement longer than max_allowed_packet, so "
                    + "the sink cannot write that row and stops.", fix);
        }
        if (largest > packet / 2) {
            return CheckResult.warn(id(), found, "The sink keeps half the packet for the statement and the encoding of "
                    + "its values (binary values can double); a row this long may be refused.", fix);
        }
        if (!unmeasured.isEmpty()) {
            return CheckResult.warn(id(), found + "; not measured (over " + (measureCap / MIB) + " MiB or past "
                    + (measureCap * SCAN_BUDGET_PER_CAP / MIB) + " MiB of scans, with BLOB/TEXT/JSON columns that may hold "
                    + "more than half the packet): " + String.join(", ", unmeasured),
                    "A row of those tables longer than the packet would stop the sink.", "Measure the longest row "
                            + "(SELECT MAX(LENGTH(col1) + LENGTH(col2) ...) FROM <table>) and keep max_allowed_packet at "
                            + "least twice that: SET GLOBAL max_allowed_packet = <bytes>; or acknowledge this warning.");
        }
        return CheckResult.pass(id(), found);
    }

    private static long longestLobContent(CheckContext ctx, SelectedTable t, List<Column> lobs) throws SQLException {
        String sum = String.join(" + ", lobs.stream().map(c -> "COALESCE(LENGTH(" + Identifiers.quote(c.name()) + "), 0)").toList());
        String value = CheckContext.rows(ctx.sourceConnection(), "SELECT MAX(" + sum + ") FROM "
                + Identifiers.quote(t.database(), t.table())).get(0).get(0);
        return value == null ? 0 : Long.parseLong(value);
    }
}
