package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.precheck.check.CheckContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the connected account may do, read from its own SHOW GRANTS: privileges on all databases, on databases (names
 * may hold the LIKE wildcards {@code _} and {@code %}) and on single tables. Column grants, routine grants and MySQL's
 * partial revokes are not taken into account. Only the privilege lists are kept: a password hash in a grant line is
 * never read.
 */
final class Grants {

    /** One GRANT line's privileges on one object; {@code database} null means every database, {@code table} null every table. */
    record Grant(Set<String> privileges, String database, String table) {
    }

    static final String ALL = "ALL PRIVILEGES";

    private static final Pattern GRANT_ON = Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ROUTINE = Pattern.compile("^(FUNCTION|PROCEDURE|PACKAGE)\\s", Pattern.CASE_INSENSITIVE);

    private final List<Grant> grants;

    private Grants(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /** The current account's grants, with those of its active roles ({@link SqlDialect#showOwnGrants}). */
    static Grants of(Connection c, ServerVersion version) throws SQLException {
        SqlDialect dialect = SqlDialect.of(version);
        String roles = dialect.activeRolesQuery() == null ? null : CheckContext.rows(c, dialect.activeRolesQuery()).get(0).get(0);
        return parse(CheckContext.rows(c, dialect.showOwnGrants(roles)).stream().map(r -> r.get(0)).toList());
    }

    /** The account as GRANT names it, {@code 'user'@'host'}, from CURRENT_USER(). */
    static String account(Connection c) throws SQLException {
        String current = CheckContext.rows(c, "SELECT CURRENT_USER()").get(0).get(0);
        int at = current.lastIndexOf('@');
        String user = at < 0 ? current : current.substring(0, at);
        String host = at < 0 ? "%" : current.substring(at + 1);
        return "'" + user.replace("'", "''") + "'@'" + host.replace("'", "''") + "'";
    }

    static Grants parse(Collection<String> lines) {
        List<Grant> grants = new ArrayList<>();
        for (String line : lines) {
            Matcher m = GRANT_ON.matcher(line.trim());
            if (!m.matches() || ROUTINE.matcher(m.group(2)).find()) {
                continue; // role grants (no ON), PROXY, REVOKE lines, routine grants
            }
            List<String> object = objectName(m.group(2));
            if (object == null) {
                continue;
            }
            Set<String> privileges = privileges(m.group(1));
            if (!privileges.isEmpty()) {
                grants.add(new Grant(privileges, "*".equals(object.get(0)) ? null : object.get(0),
                        "*".equals(object.get(1)) ? null : object.get(1)));
            }
        }
        return new Grants(grants);
    }

    /** Held on every database ({@code ON *.*}). */
    boolean holdsGlobally(String privilege) {
        return grants.stream().anyMatch(g -> g.database() == null && covers(g, privilege));
    }

    /** Held on the whole database: globally or by a database grant whose name or pattern matches. */
    boolean holdsOnDatabase(String privilege, String database) {
        return grants.stream().anyMatch(g -> g.table() == null && covers(g, privilege)
                && (g.database() == null || likeMatches(g.database(), database)));
    }

    /** Any privilege at all on the whole database (which makes information_schema show the account all its tables). */
    boolean holdsAnyOnDatabase(String database) {
        return grants.stream().anyMatch(g -> g.table() == null && (g.database() == null || likeMatches(g.database(), database))
                && g.privileges().stream().anyMatch(p -> !"USAGE".equals(p)));
    }

    /** Held on the table: on its database as a whole, or by a grant on that very table. */
    boolean holdsOnTable(String privilege, String database, String table) {
        return holdsOnDatabase(privilege, database) || grants.stream().anyMatch(g -> covers(g, privilege)
                && database.equals(g.database()) && table.equals(g.table()));
    }

    /** Any of the names (a privilege's spellings on different flavours) held on every database. */
    boolean holdsAnyGlobally(Collection<String> privileges) {
        return privileges.stream().anyMatch(this::holdsGlobally);
    }

    private static boolean covers(Grant g, String privilege) {
        return g.privileges().contains(ALL) || g.privileges().contains(privilege.toUpperCase(Locale.ROOT));
    }

    /** Privileges of a GRANT line, normalised; column grants ({@code SELECT (`a`)}) are left out. */
    private static Set<String> privileges(String list) {
        Set<String> out = new LinkedHashSet<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                String p = current.toString().trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
                if (!p.isEmpty() && !p.contains("(")) {
                    out.add("ALL".equals(p) ? ALL : p);
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return out;
    }

    /** {@code *.*}, {@code `db`.*} or {@code `db`.`table`} at the start of the text after ON; null when it is none of them. */
    private static List<String> objectName(String text) {
        List<String> parts = new ArrayList<>(2);
        int i = 0;
        for (int part = 0; part < 2; part++) {
            StringBuilder name = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '*') {
                name.append('*');
                i++;
            } else if (i < text.length() && text.charAt(i) == '`') {
                i++;
                while (i < text.length()) {
                    char c = text.charAt(i++);
                    if (c == '`') {
                        if (i < text.length() && text.charAt(i) == '`') {
                            name.append('`');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        name.append(c);
                    }
                }
            } else {
                while (i < text.length() && text.charAt(i) != '.' && !Character.isWhitespace(text.charAt(i))) {
                    name.append(text.charAt(i++));
                }
            }
            parts.add(name.toString());
            if (part == 0) {
                if (i >= text.length() || text.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return parts;
    }

    /** A database grant's name as MySQL and MariaDB match it: {@code _} and {@code %} are wildcards unless escaped with a backslash. */
    static boolean likeMatches(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches();
    }
}
