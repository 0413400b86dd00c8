package io.mysqlmigrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CharsetDefaultsTest {

    @Test
    void pairsTravelAsTextAndBack() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("latin1", "latin1_swedish_ci");
        defaults.put("utf8mb4", "utf8mb4_general_ci");
        String text = CharsetDefaults.encode(defaults);
        assertEquals("latin1:latin1_swedish_ci,utf8mb4:utf8mb4_general_ci", text);
        assertEquals(defaults, CharsetDefaults.decode(text));
        assertEquals(Map.of(), CharsetDefaults.decode(null));
        assertEquals(Map.of("utf8mb4", "utf8mb4_0900_ai_ci"), CharsetDefaults.decode(" UTF8MB4 : utf8mb4_0900_AI_CI "));
    }

    @Test
    void anythingButNamesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CharsetDefaults.decode("utf8mb4"));
        assertThrows(IllegalArgumentException.class, () -> CharsetDefaults.decode("utf8mb4:x; DROP TABLE t"));
        assertThrows(IllegalArgumentException.class, () -> CharsetDefaults.encode(Map.of("utf8mb4", "a b")));
    }
}
