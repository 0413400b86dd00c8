package io.mysqlmigrate.sink.config;

import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;

/** An enum whose constants are the allowed values of one setting, spelled as users write them. */
public interface ConfigChoice {

    /** The value as written in a configuration, e.g. {@code keep-destination}. */
    default String configValue() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & ConfigChoice> E parse(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.configValue().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + Arrays.toString(values(type)));
    }

    static <E extends Enum<E> & ConfigChoice> String[] values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).toArray(String[]::new);
    }

    static <E extends Enum<E> & ConfigChoice> ConfigDef.Validator validator(Class<E> type) {
        return ConfigDef.CaseInsensitiveValidString.in(values(type));
    }
}
