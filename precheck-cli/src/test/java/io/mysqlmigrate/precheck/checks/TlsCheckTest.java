package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which addresses count as private for the TLS check's warning (literal addresses: no name resolution). */
class TlsCheckTest {

    @Test
    void loopbackAndPrivateRangesArePrivate() {
        for (String host : new String[] {"127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.0.5", "fd12::1"}) {
            assertTrue(TlsCheck.onPrivateNetwork(host), host);
        }
    }

    @Test
    void publicAddressesAreNot() {
        for (String host : new String[] {"8.8.8.8", "172.32.0.1", "52.95.110.1", "2001:4860:4860::8888"}) {
            assertFalse(TlsCheck.onPrivateNetwork(host), host);
        }
    }
}
