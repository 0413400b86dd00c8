package io.mysqlmigrate.source.phase;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The three DTS migration types; a migration runs a combination of them. */
public enum MigrationType {
    /** Create the selected databases and tables on the destination. */
    SCHEMA,
    /** Copy the rows that exist when the migration starts. */
    FULL,
    /** Follow the binary log until the migration is stopped. */
    INCREMENTAL;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MigrationType parse(String text) {
        for (MigrationType t : values()) {
            if (t.configName().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown migration type '" + text.trim() + "': use schema, full or incremental");
    }

    public static Set<MigrationType> parseAll(Iterable<String> texts) {
        Set<MigrationType> types = EnumSet.noneOf(MigrationType.class);
        for (String t : texts) {
            if (!t.isBlank()) {
                types.add(parse(t));
            }
        }
        return types;
    }

    public static String describe(Set<MigrationType> types) {
        return types.stream().sorted().map(MigrationType::configName).collect(Collectors.joining(","));
    }
}
