package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesFilesTest {

    @Test
    void renderKeepsOrderAndRoundTripsThroughPropertiesLoad() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("z.first", "1");
        entries.put("a.second", "C:\\dir with space\\x");
        entries.put("key with=odd:chars", " leading blank");
        entries.put("url", "jdbc:mysql://127.0.0.1:1/?a=b#c");
        entries.put("hash", "#not a comment");
        entries.put("multi", "line1\nline2\ttab");
        String text = PropertiesFiles.render("a comment\nsecond line", entries);
        assertTrue(text.startsWith("# a comment\n# second line\nz.first=1\na.second="), text);
        Properties loaded = new Properties();
        loaded.load(new StringReader(text));
        assertEquals(entries.size(), loaded.size());
        entries.forEach((k, v) -> assertEquals(v, loaded.getProperty(k), k));
    }

    @Test
    void writeAndReadBack(@TempDir Path dir) {
        Path file = dir.resolve("sub/x.properties");
        PropertiesFiles.write(file, null, Map.of("a", "b"));
        assertEquals(Map.of("a", "b"), PropertiesFiles.read(file));
        List<String> lines = List.of(PropertiesFiles.render(null, Map.of("k", "v")).split("\n"));
        assertEquals(List.of("k=v"), lines);
    }
}
