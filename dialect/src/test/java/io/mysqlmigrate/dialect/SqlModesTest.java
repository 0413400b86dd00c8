package io.mysqlmigrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlModesTest {

    private static final String MARIADB_DEFAULT = "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION";

    @Test
    void mariaDbsDefaultLosesOnlyNoAutoCreateUserOnMySql() {
        assertEquals("STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION",
                SqlModes.forObjectsOn(Flavour.MYSQL, MARIADB_DEFAULT));
        assertEquals(MARIADB_DEFAULT, SqlModes.forObjectsOn(Flavour.MARIADB, MARIADB_DEFAULT));
    }

    @Test
    void wordsThatChangeHowABodyRunsAreKeptSoTheDestinationRefusesThemLoudly() {
        assertEquals("EMPTY_STRING_IS_NULL,ANSI_QUOTES", SqlModes.forObjectsOn(Flavour.MYSQL, "EMPTY_STRING_IS_NULL,ANSI_QUOTES"));
        assertFalse(SqlModes.knows(Flavour.MYSQL, "SIMULTANEOUS_ASSIGNMENT"));
        assertTrue(SqlModes.knows(Flavour.MARIADB, "SIMULTANEOUS_ASSIGNMENT"));
        assertFalse(SqlModes.knows(Flavour.MARIADB, "TIME_TRUNCATE_FRACTIONAL"));
        assertTrue(SqlModes.knows(Flavour.MYSQL, "time_truncate_fractional"));
    }

    @Test
    void mysqlsDefaultIsKnownToBoth() {
        String mysql = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";
        assertEquals(mysql, SqlModes.forObjectsOn(Flavour.MARIADB, mysql));
        assertEquals("", SqlModes.forObjectsOn(Flavour.MYSQL, ""));
    }

    @Test
    void noAutoCreateUserIsNoDifferenceBetweenFlavoursOnly() {
        assertEquals(java.util.List.of("STRICT_TRANS_TABLES", "ERROR_FOR_DIVISION_BY_ZERO", "NO_ENGINE_SUBSTITUTION"),
                java.util.List.copyOf(SqlModes.comparable(MARIADB_DEFAULT, Flavour.MARIADB, Flavour.MYSQL)));
        assertEquals(java.util.List.of("STRICT_TRANS_TABLES", "NO_AUTO_CREATE_USER"),
                java.util.List.copyOf(SqlModes.comparable(" strict_trans_tables,,NO_AUTO_CREATE_USER", Flavour.MYSQL, Flavour.MYSQL)));
        assertEquals(java.util.Set.of(), SqlModes.comparable(null, Flavour.MYSQL, Flavour.MARIADB));
    }
}
