package io.mysqlmigrate.connect;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The one way a connector checks a setting beyond its ConfigDef type: the same function that later reads the value
 * (a parse, e.g. {@code TableName::parse}) checks it, so the check and the use cannot drift apart. The function refuses
 * a value with an {@link IllegalArgumentException} whose message says what is wrong and how to write it; validation
 * reports it as Connect does for every setting, {@code Invalid value <value> for configuration <setting>: <message>}.
 */
public final class SettingValidator<V> implements ConfigDef.Validator {

    /** Reads a setting's value as its ConfigDef type gives it (String, List of String, Integer ...). */
    @FunctionalInterface
    public interface Parse<V> {
        /** Throws IllegalArgumentException naming what is wrong with the value and the form expected. */
        void accept(V value);
    }

    private final Parse<V> parse;
    private final String validValues;

    private SettingValidator(Parse<V> parse, String validValues) {
        this.parse = parse;
        this.validValues = validValues;
    }

    /**
     * @param parse       the function that reads the value where the connector uses it
     * @param validValues what the documentation shows as the valid values
     */
    public static <V> SettingValidator<V> of(Parse<V> parse, String validValues) {
        return new SettingValidator<>(parse, validValues);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void ensureValid(String name, Object value) {
        try {
            parse.accept((V) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return validValues;
    }
}
