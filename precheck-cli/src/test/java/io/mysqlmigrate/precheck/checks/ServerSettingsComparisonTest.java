package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.SqlModes;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comparisons behind servers.sql_mode and servers.time_zone for pairs no server here can produce (MySQL against MariaDB). */
class ServerSettingsComparisonTest {

    @Test
    void noAutoCreateUserIsNotADifferenceBetweenFlavours() {
        assertEquals(Set.of("STRICT_TRANS_TABLES"), SqlModes.comparable("STRICT_TRANS_TABLES,NO_AUTO_CREATE_USER", Flavour.MARIADB, Flavour.MYSQL));
        assertEquals(Set.of("STRICT_TRANS_TABLES", "NO_AUTO_CREATE_USER"),
                SqlModes.comparable("strict_trans_tables, NO_AUTO_CREATE_USER", Flavour.MARIADB, Flavour.MARIADB));
    }

    @Test
    void systemMeansTheOperatingSystemsZoneAndUtcHasManyNames() {
        assertEquals("UTC", TimeZoneCheck.effective("SYSTEM", "UTC"));
        assertEquals("UTC", TimeZoneCheck.effective("+00:00", "CET"));
        assertEquals("CET", TimeZoneCheck.effective("SYSTEM", "CET"));
        assertEquals("Europe/Berlin", TimeZoneCheck.effective("Europe/Berlin", "UTC"));
    }
}
