package io.mysqlmigrate.source.objects;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DTS's "migrate accounts": the selected accounts as the source defines them (SHOW CREATE USER, so the password
 * travels as the source's hash, never in clear) and their grants (SHOW GRANTS). Created with IF NOT EXISTS, so an
 * account already on the destination keeps its password, and granted on top of what it has.
 */
public final class AccountCatalog {

    /** An account as settings name it: {@code user@host}, quotes optional. */
    public record Account(String user, String host) {
        public static Account parse(String text) {
            String t = text.trim();
            int at = t.lastIndexOf('@');
            if (at <= 0 || at == t.length() - 1) {
                throw new IllegalArgumentException("'" + t + "' is not an account: write user@host, for example app@%");
            }
            return new Account(unquote(t.substring(0, at)), unquote(t.substring(at + 1)));
        }

        public String quoted() {
            return "'" + user.replace("'", "''") + "'@'" + host.replace("'", "''") + "'";
        }

        private static String unquote(String s) {
            String x = s.trim();
            if (x.length() >= 2 && (x.charAt(0) == '\'' || x.charAt(0) == '`' || x.charAt(0) == '"') && x.charAt(x.length() - 1) == x.charAt(0)) {
                return x.substring(1, x.length() - 1);
            }
            return x;
        }

        @Override
        public String toString() {
            return user + "@" + host;
        }
    }

    private AccountCatalog() {
    }

    /** The statements that create the accounts and give them their grants, in order. */
    public static List<String> statements(Connection c, List<Account> accounts) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Account a : accounts) {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SHOW CREATE USER " + a.quoted())) {
                    rs.next();
                    out.add(ifNotExists(rs.getString(1)));
                }
                try (ResultSet rs = st.executeQuery("SHOW GRANTS FOR " + a.quoted())) {
                    while (rs.next()) {
                        String grant = rs.getString(1);
                        String upper = grant.toUpperCase(Locale.ROOT);
                        if (upper.startsWith("GRANT USAGE ON *.* TO") || upper.startsWith("GRANT PROXY ON")) {
                            continue; // the account itself (CREATE USER made it); proxying is not migrated
                        }
                        out.add(grant);
                    }
                }
            } catch (SQLException e) {
                throw new SQLException("Cannot read account " + a + " on the source (" + e.getMessage() + "). Check the name in "
                        + "accounts.include (user@host as in mysql.user) and that the source account may read it "
                        + "(SELECT on mysql.*, or CREATE USER).", e.getSQLState(), e.getErrorCode(), e);
            }
        }
        return out;
    }

    static String ifNotExists(String createUser) {
        return createUser.replaceFirst("(?i)^\\s*CREATE\\s+USER\\s+(?!IF\\s+NOT\\s+EXISTS)", "CREATE USER IF NOT EXISTS ");
    }
}
