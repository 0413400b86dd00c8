package io.mysqlmigrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server says it is: its flavour and version, read from {@code VERSION()} and {@code @@version_comment}.
 * MariaDB reports itself in the version string ({@code 10.11.6-MariaDB-0+deb12u1}, or with a {@code 5.5.5-}
 * prefix when seen through the replication handshake); MySQL never does.
 */
public record ServerVersion(Flavour flavour, int major, int minor, int patch, String raw) {

    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    public static ServerVersion parse(String version, String versionComment) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("The server reported no version string");
        }
        String text = version.trim();
        String all = (text + " " + (versionComment == null ? "" : versionComment)).toLowerCase(Locale.ROOT);
        Flavour flavour = all.contains("mariadb") ? Flavour.MARIADB : Flavour.MYSQL;
        if (flavour == Flavour.MARIADB && text.startsWith("5.5.5-")) {
            text = text.substring("5.5.5-".length());
        }
        Matcher m = NUMBERS.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("Cannot read a version number from '" + version + "'");
        }
        return new ServerVersion(flavour, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), version.trim());
    }

    /** Asks a live server. */
    public static ServerVersion detect(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT VERSION(), @@version_comment")) {
            rs.next();
            return parse(rs.getString(1), rs.getString(2));
        }
    }

    public boolean atLeast(int major, int minor, int patch) {
        if (this.major != major) {
            return this.major > major;
        }
        if (this.minor != minor) {
            return this.minor > minor;
        }
        return this.patch >= patch;
    }

    public boolean isMariaDb() {
        return flavour == Flavour.MARIADB;
    }

    @Override
    public String toString() {
        return flavour.displayName() + " " + major + "." + minor + "." + patch;
    }
}
