package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.precheck.checks.DestinationCapacityCheck.Disk;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capacity verdict, including the WARN no test here can produce for real (it needs a destination disk smaller than
 * the source's data), and the choice of the file system that holds the data directory.
 */
class DestinationCapacityCheckTest {

    @Test
    void warnsOnlyWhenAMeasuredDiskIsTooSmall() {
        CheckResult tooSmall = DestinationCapacityCheck.verdict("destination.capacity", 5_000_000_000L, 3, new Disk("/data", 2_000_000_000L));
        assertEquals(Status.WARN, tooSmall.status());
        assertTrue(tooSmall.fix().startsWith("Free or add at least 3000.0 MB on the destination's /data"), tooSmall.fix());
        assertEquals(Status.PASS, DestinationCapacityCheck.verdict("destination.capacity", 5_000_000_000L, 3,
                new Disk("/data", 9_000_000_000L)).status());
        CheckResult unknown = DestinationCapacityCheck.verdict("destination.capacity", 5_000_000_000L, 3, null);
        assertEquals(Status.PASS, unknown.status(), "no measurement, no verdict beyond the size");
        assertTrue(unknown.found().contains("5000.0 MB"), unknown.found());
    }

    @Test
    void theDataDirectoryLivesOnTheLongestMountPointAboveIt() {
        List<Disk> disks = List.of(new Disk("/", 1), new Disk("/var", 2), new Disk("/var/lib/mysql", 3), new Disk("/var/lib/mysqlx", 4));
        assertEquals(3, DestinationCapacityCheck.diskHolding("/var/lib/mysql/", disks).availableBytes());
        assertEquals(2, DestinationCapacityCheck.diskHolding("/var/lib/mariadb", disks).availableBytes());
        assertEquals(1, DestinationCapacityCheck.diskHolding("/srv/db/", disks).availableBytes());
        assertNull(DestinationCapacityCheck.diskHolding("/srv", List.of(new Disk("/data", 1))));
    }
}
