package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void handsOutDistinctFreePortsNever3306() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = PortAllocator.freePort();
            assertNotEquals(3306, port);
            assertTrue(ports.add(port), "port " + port + " handed out twice");
            assertTrue(PortAllocator.isFree(port));
        }
    }

    @Test
    void requestedPortIsKeptAndZeroMeansFree() {
        assertEquals(12345, PortAllocator.portOrFree(12345));
        assertTrue(PortAllocator.portOrFree(0) > 0);
        assertThrows(IllegalArgumentException.class, () -> PortAllocator.portOrFree(70000));
    }

    @Test
    void aListeningPortIsNotFree() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFalse(PortAllocator.isFree(socket.getLocalPort()));
        }
    }
}
