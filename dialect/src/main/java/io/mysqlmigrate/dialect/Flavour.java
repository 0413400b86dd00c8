package io.mysqlmigrate.dialect;

/** The two server families the product supports. */
public enum Flavour {
    MYSQL("MySQL"),
    MARIADB("MariaDB");

    private final String displayName;

    Flavour(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
