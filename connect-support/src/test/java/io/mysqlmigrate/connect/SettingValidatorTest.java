package io.mysqlmigrate.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SettingValidatorTest {

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a port; write a number such as 3306");
        }
    }

    @Test
    void theParseFunctionsMessageBecomesTheSettingsError() {
        ConfigDef def = new ConfigDef().define("some.port", ConfigDef.Type.STRING, "1", SettingValidator.of(SettingValidatorTest::port,
                "a number"), ConfigDef.Importance.LOW, "doc");
        ConfigException e = assertThrows(ConfigException.class, () -> def.parse(Map.of("some.port", "x1")));
        assertEquals("Invalid value x1 for configuration some.port: 'x1' is not a port; write a number such as 3306", e.getMessage());
        assertEquals(List.of("Invalid value x1 for configuration some.port: 'x1' is not a port; write a number such as 3306"),
                def.validate(Map.of("some.port", "x1")).get(0).errorMessages());
        assertEquals(List.of(), def.validate(Map.of("some.port", "3306")).get(0).errorMessages());
    }

    @Test
    void theDocumentationShowsTheValidValues() {
        assertEquals("a number", SettingValidator.of(SettingValidatorTest::port, "a number").toString());
    }

    @Test
    void listSettingsAreParsedAsLists() {
        SettingValidator<List<String>> v = SettingValidator.of(list -> list.forEach(SettingValidatorTest::port), "numbers");
        v.ensureValid("ports", List.of("1", "2"));
        assertEquals("Invalid value [1, b] for configuration ports: 'b' is not a port; write a number such as 3306",
                assertThrows(ConfigException.class, () -> v.ensureValid("ports", List.of("1", "b"))).getMessage());
    }
}
