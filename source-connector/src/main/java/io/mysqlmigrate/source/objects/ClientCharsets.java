package io.mysqlmigrate.source.objects;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The Java character set of a MySQL/MariaDB client character set, for the ones a client can connect with. MariaDB's
 * SHOW CREATE prints a routine's, trigger's or event's body as the bytes the client sent (in the object's
 * character_set_client) inside otherwise UTF-8 text, so a body outside ASCII in another client character set reads
 * garbled; information_schema has the body converted, and these names let {@link ObjectCatalog} find the original
 * bytes to put it back.
 */
final class ClientCharsets {

    private static final Map<String, String> JAVA = Map.ofEntries(
            Map.entry("latin1", "windows-1252"), // MySQL's latin1 is cp1252
            Map.entry("ascii", "US-ASCII"), Map.entry("latin2", "ISO-8859-2"), Map.entry("latin5", "ISO-8859-9"),
            Map.entry("latin7", "ISO-8859-13"), Map.entry("greek", "ISO-8859-7"), Map.entry("hebrew", "ISO-8859-8"),
            Map.entry("cp1250", "windows-1250"), Map.entry("cp1251", "windows-1251"), Map.entry("cp1256", "windows-1256"),
            Map.entry("cp1257", "windows-1257"), Map.entry("cp850", "IBM850"), Map.entry("cp852", "IBM852"),
            Map.entry("cp866", "IBM866"), Map.entry("koi8r", "KOI8-R"), Map.entry("koi8u", "KOI8-U"),
            Map.entry("sjis", "Shift_JIS"), Map.entry("cp932", "windows-31j"), Map.entry("ujis", "EUC-JP"),
            Map.entry("gbk", "GBK"), Map.entry("gb2312", "GB2312"), Map.entry("gb18030", "GB18030"), Map.entry("big5", "Big5"),
            Map.entry("euckr", "EUC-KR"), Map.entry("tis620", "TIS-620"));

    private ClientCharsets() {
    }

    /**
     * Text MariaDB printed partly in UTF-8 (names) and partly as the bytes of a single-byte client character set (the
     * string literals of a view defined by, say, a latin1 client): valid UTF-8 sequences are read as UTF-8, every other
     * byte in {@code client}. Null when the bytes are not valid UTF-8 and {@code client} is not a single-byte character
     * set, so they cannot be told apart.
     */
    static String mixed(byte[] raw, Charset client) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            // read below
        }
        if (client == null || client.newEncoder().maxBytesPerChar() > 1) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length);
        int i = 0;
        while (i < raw.length) {
            int b = raw[i] & 0xff;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length > 1 && i + length <= raw.length) {
                try {
                    out.append(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw, i, length)));
                    i += length;
                    continue;
                } catch (java.nio.charset.CharacterCodingException notASequence) {
                    // a byte of the client's character set
                }
            }
            out.append(b < 0x80 ? String.valueOf((char) b) : new String(raw, i, 1, client));
            i++;
        }
        return out.toString();
    }

    /** The Java character set, or null when the name is unknown here or the JVM lacks it. */
    static Charset javaCharset(String mysqlCharset) {
        if (mysqlCharset == null) {
            return null;
        }
        String name = mysqlCharset.toLowerCase(Locale.ROOT);
        if (name.startsWith("utf8")) {
            return StandardCharsets.UTF_8;
        }
        String java = JAVA.get(name);
        try {
            return java == null ? null : Charset.forName(java);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
