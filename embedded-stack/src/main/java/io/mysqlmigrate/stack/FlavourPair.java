package io.mysqlmigrate.stack;

import io.mysqlmigrate.dialect.Flavour;
import java.util.Locale;

/** A migration's source and destination flavours: the four moves the product supports. */
public enum FlavourPair {
    MARIADB_TO_MARIADB(Flavour.MARIADB, Flavour.MARIADB),
    MYSQL_TO_MYSQL(Flavour.MYSQL, Flavour.MYSQL),
    MYSQL_TO_MARIADB(Flavour.MYSQL, Flavour.MARIADB),
    MARIADB_TO_MYSQL(Flavour.MARIADB, Flavour.MYSQL);

    private final Flavour source;
    private final Flavour destination;

    FlavourPair(Flavour source, Flavour destination) {
        this.source = source;
        this.destination = destination;
    }

    public Flavour source() {
        return source;
    }

    public Flavour destination() {
        return destination;
    }

    /** {@code mariadb-mysql}: the form scenario files and reports use. */
    public String id() {
        return lower(source) + "-" + lower(destination);
    }

    /** A short suffix for names that must differ per pair on a shared server ({@code mm}, {@code yy}, ...). */
    public String tag() {
        return code(source) + code(destination);
    }

    @Override
    public String toString() {
        return source.displayName() + " -> " + destination.displayName();
    }

    public static FlavourPair of(Flavour source, Flavour destination) {
        for (FlavourPair pair : values()) {
            if (pair.source == source && pair.destination == destination) {
                return pair;
            }
        }
        throw new IllegalArgumentException(source + " -> " + destination);
    }

    private static String lower(Flavour flavour) {
        return flavour.name().toLowerCase(Locale.ROOT);
    }

    private static String code(Flavour flavour) {
        return flavour == Flavour.MARIADB ? "m" : "y";
    }
}
