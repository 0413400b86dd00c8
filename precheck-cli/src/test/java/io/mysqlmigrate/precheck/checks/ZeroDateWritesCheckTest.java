package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How source.sql_mode.zero_dates reads an sql_mode: the flavours' defaults and the combinations no server here runs
 * with (MySQL 8's default; the live MariaDB default is in ZeroDateWritesOnMariaDbIT).
 */
class ZeroDateWritesCheckTest {

    @Test
    void mariaDbsDefaultLacksBothZeroDateModes() {
        Set<String> modes = ZeroDateWritesCheck.modes("STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
                + "NO_ENGINE_SUBSTITUTION");
        assertEquals(List.of("NO_ZERO_DATE", "NO_ZERO_IN_DATE"), ZeroDateWritesCheck.missing(modes));
    }

    @Test
    void mySql8sDefaultRefusesZeroDates() {
        Set<String> modes = ZeroDateWritesCheck.modes("ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION");
        assertEquals(List.of(), ZeroDateWritesCheck.missing(modes));
    }

    @Test
    void withoutStrictModeTheZeroDateModesOnlyWarnSoStrictIsMissing() {
        assertEquals(List.of("STRICT_TRANS_TABLES"), ZeroDateWritesCheck.missing(ZeroDateWritesCheck.modes("NO_ZERO_DATE,NO_ZERO_IN_DATE")));
        assertEquals(List.of(), ZeroDateWritesCheck.missing(ZeroDateWritesCheck.modes("no_zero_date, NO_ZERO_IN_DATE ,STRICT_ALL_TABLES")),
                "STRICT_ALL_TABLES is strict too; case and spaces do not matter");
        assertEquals(List.of("NO_ZERO_IN_DATE"), ZeroDateWritesCheck.missing(ZeroDateWritesCheck.modes("STRICT_ALL_TABLES,NO_ZERO_DATE")));
    }

    @Test
    void anEmptySqlModeLacksEverythingAndTraditionalHasIt() {
        assertEquals(List.of("NO_ZERO_DATE", "NO_ZERO_IN_DATE", "STRICT_TRANS_TABLES"), ZeroDateWritesCheck.missing(ZeroDateWritesCheck.modes("")));
        assertEquals(List.of("NO_ZERO_DATE", "NO_ZERO_IN_DATE", "STRICT_TRANS_TABLES"), ZeroDateWritesCheck.missing(ZeroDateWritesCheck.modes(null)));
        assertEquals(List.of(), ZeroDateWritesCheck.missing(ZeroDateWritesCheck.modes("TRADITIONAL")));
    }
}
