package io.mysqlmigrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerVersionTest {

    @Test
    void readsMariaDbFromTheVersionString() {
        ServerVersion v = ServerVersion.parse("10.11.6-MariaDB-0+deb12u1-log", "Debian 12");
        assertEquals(Flavour.MARIADB, v.flavour());
        assertEquals(10, v.major());
        assertEquals(11, v.minor());
        assertEquals(6, v.patch());
    }

    @Test
    void dropsTheReplicationHandshakePrefixOfMariaDb() {
        ServerVersion v = ServerVersion.parse("5.5.5-10.6.18-MariaDB", "");
        assertEquals(Flavour.MARIADB, v.flavour());
        assertEquals(10, v.major());
        assertEquals(6, v.minor());
    }

    @Test
    void readsMySql() {
        ServerVersion v = ServerVersion.parse("8.4.3", "MySQL Community Server - GPL");
        assertEquals(Flavour.MYSQL, v.flavour());
        assertTrue(v.atLeast(8, 0, 19));
        assertFalse(v.atLeast(8, 4, 4));
        assertEquals("MySQL 8.4.3", v.toString());
    }

    @Test
    void rejectsAStringWithoutAVersion() {
        assertThrows(IllegalArgumentException.class, () -> ServerVersion.parse("unknown", null));
    }
}
