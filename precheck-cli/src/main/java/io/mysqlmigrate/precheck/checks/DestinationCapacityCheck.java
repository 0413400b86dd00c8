package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.checks.SelectedTablesQuery.SelectedTable;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The full load's size against the destination's free disk. The size is the selected tables' data and indexes as the
 * source's information_schema estimates them. A server can rarely tell its free disk: only MariaDB's DISKS plugin
 * (information_schema.DISKS, when installed; it lists nothing to an account without FILE) does, and only then can
 * this check warn; otherwise it reports the size for the operator to compare, and passes.
 */
public final class DestinationCapacityCheck implements Check {

    /** A mounted file system as information_schema.DISKS lists it. */
    record Disk(String path, long availableBytes) {
    }

    @Override
    public String id() {
        return "destination.capacity";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.FULL);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        long size = 0;
        List<SelectedTable> tables = SelectedTablesQuery.baseTables(ctx);
        for (SelectedTable t : tables) {
            size += t.dataLength() + t.indexLength();
        }
        Connection d = ctx.destinationConnection();
        Disk disk = null;
        if (!CheckContext.rows(d, "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'information_schema' "
                + "AND TABLE_NAME = 'DISKS'").isEmpty()) {
            List<Disk> disks = CheckContext.rows(d, "SELECT Path, Available FROM information_schema.DISKS").stream()
                    .map(r -> new Disk(r.get(0), Long.parseLong(r.get(1)) * 1024)).toList();
            disk = diskHolding(CheckContext.variable(d, "datadir"), disks);
        }
        return verdict(id(), size, tables.size(), disk);
    }

    /** The file system a directory lives on: the listed mount point that is its longest prefix. */
    static Disk diskHolding(String directory, List<Disk> disks) {
        if (directory == null) {
            return null;
        }
        Disk best = null;
        for (Disk disk : disks) {
            String mount = disk.path().endsWith("/") ? disk.path() : disk.path() + "/";
            String dir = directory.endsWith("/") ? directory : directory + "/";
            if (dir.startsWith(mount) && (best == null || disk.path().length() > best.path().length())) {
                best = disk;
            }
        }
        return best;
    }

    static CheckResult verdict(String id, long size, int tables, Disk disk) {
        String selection = "the full load copies about " + mb(size) + " (data and indexes of " + tables
                + " selected table(s), the source's estimate)";
        if (disk == null) {
            return CheckResult.pass(id, selection + "; the destination cannot report its free disk space (only MariaDB "
                    + "can, through its DISKS plugin, to an account with FILE), so check that it has that much free, and "
                    + "more for its own logs");
        }
        String found = selection + "; the destination's data directory has " + mb(disk.availableBytes()) + " free on " + disk.path();
        if (disk.availableBytes() < size) {
            return CheckResult.warn(id, found, "The destination's disk fills up during the full load; it then stops "
                    + "accepting writes and the sink stops.", "Free or add at least " + mb(size - disk.availableBytes())
                    + " on the destination's " + disk.path() + " (plus room for its binary and redo logs), or select fewer tables.");
        }
        return CheckResult.pass(id, found);
    }

    private static String mb(long bytes) {
        return bytes < 1_000_000 ? (bytes + 999) / 1000 + " kB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
