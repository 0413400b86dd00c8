package io.mysqlmigrate.source.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How MariaDB's SHOW CREATE output is read when it mixes UTF-8 names with the bytes of a latin1 client's literals. */
class ClientCharsetsTest {

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void utf8NamesAndLatin1LiteralsAreEachReadInTheirOwnCharacterSet() {
        Charset latin1 = ClientCharsets.javaCharset("latin1");
        byte[] raw = concat("select concat(`n\u00e4me`,'-".getBytes(StandardCharsets.UTF_8), "\u00e9\u20ac".getBytes(latin1),
                "') AS `tag`".getBytes(StandardCharsets.UTF_8));
        assertEquals("select concat(`n\u00e4me`,'-\u00e9\u20ac') AS `tag`", ClientCharsets.mixed(raw, latin1));
    }

    @Test
    void validUtf8IsReadAsUtf8AndAmbiguousMultiByteCharacterSetsAreRefused() {
        assertEquals("caf\u00e9", ClientCharsets.mixed("caf\u00e9".getBytes(StandardCharsets.UTF_8), ClientCharsets.javaCharset("latin1")));
        assertNull(ClientCharsets.mixed(new byte[] {'a', (byte) 0x81, 'b'}, ClientCharsets.javaCharset("sjis")));
        assertEquals(StandardCharsets.UTF_8, ClientCharsets.javaCharset("utf8mb3"));
        assertNull(ClientCharsets.javaCharset("no_such_charset"));
    }
}
