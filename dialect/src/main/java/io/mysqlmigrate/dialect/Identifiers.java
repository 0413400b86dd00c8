package io.mysqlmigrate.dialect;

import java.util.List;
import java.util.stream.Collectors;

/** Identifier quoting, identical on MySQL and MariaDB: backticks, with a backtick inside a name doubled. */
public final class Identifiers {

    private Identifiers() {
    }

    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("An identifier cannot be empty");
        }
        return '`' + identifier.replace("`", "``") + '`';
    }

    public static String quote(String database, String table) {
        return quote(database) + '.' + quote(table);
    }

    public static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
