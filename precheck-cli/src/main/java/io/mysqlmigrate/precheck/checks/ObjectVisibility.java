package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.ObjectPrivilege;
import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the source account can see every object of the kinds the migration copies. MySQL and MariaDB hide from
 * information_schema (and SHOW) what an account has no privilege on, without an error: an account without TRIGGER sees
 * no trigger, without EVENT no event, without SELECT on mysql.proc (MariaDB) or SHOW_ROUTINE (MySQL) no other owner's
 * routine, without SHOW VIEW and SELECT no view's definition. A migration reading through such an account copies
 * nothing of that kind and says nothing; this is decided from the account's own grants (SHOW GRANTS), since the hidden
 * objects themselves cannot be counted (except MariaDB's events, counted in mysql.event when it is readable).
 */
public final class ObjectVisibility {

    /** The kinds of schema objects the migration copies besides tables, with the privileges that show them. */
    public enum Kind {
        VIEWS("views"),
        ROUTINES("procedures and functions"),
        TRIGGERS("triggers"),
        EVENTS("events");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A kind the account cannot fully see in {@code databases}: the privileges it lacks, the GRANT statements that
     * close the gap, and what is known about what is hidden; {@code known} when objects are known to be hidden (views
     * whose definitions it cannot read, events counted in mysql.event), false when nothing can tell whether any are.
     */
    public record Gap(Kind kind, List<String> databases, List<ObjectPrivilege> missing, List<String> grants, String hidden,
                      boolean known) {

        public String describe() {
            return kind.label() + " of " + String.join(", ", databases) + ": the account lacks "
                    + String.join(", ", missing.stream().map(ObjectPrivilege::toString).distinct().toList())
                    + ", so the source shows it " + hidden;
        }
    }

    /** What the source hides from the account in one database, and whether objects are known to be hidden there. */
    private record Hidden(String text, boolean known) {
    }

    private ObjectVisibility() {
    }

    /**
     * The kinds the source connector copies: views, routines and triggers (during the migration, or at the cut-over)
     * of every selected database, and events with {@code events.migrate}; none when tables are selected one by one
     * ({@code tables.include}), as the source task does.
     */
    public static Set<Kind> migrated(MigrationSourceConfig source) {
        if (!source.tables().isEmpty()) {
            return EnumSet.noneOf(Kind.class);
        }
        Set<Kind> kinds = EnumSet.of(Kind.VIEWS, Kind.ROUTINES, Kind.TRIGGERS);
        if (source.migrateEvents()) {
            kinds.add(Kind.EVENTS);
        }
        return kinds;
    }

    /** The gaps of the account connected as {@code c} for {@code kinds} in the source's selected databases. */
    public static List<Gap> gaps(Connection c, ServerVersion version, List<String> databases, Set<Kind> kinds) throws SQLException {
        Grants grants = Grants.of(c, version);
        String account = Grants.account(c);
        SqlDialect dialect = SqlDialect.of(version);
        List<Gap> gaps = new ArrayList<>();
        List<String> dbs = databases.stream().map(String::trim).filter(d -> !d.isEmpty()).toList();
        if (kinds.contains(Kind.VIEWS)) {
            Map<String, List<String>> unreadable = new LinkedHashMap<>();
            for (String db : dbs) {
                unreadable.put(db, CheckContext.rows(c, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? "
                        + "ORDER BY TABLE_NAME", db).stream().map(r -> r.get(0)).filter(v -> !grants.holdsOnTable("SELECT", db, v)
                        || !grants.holdsOnTable("SHOW VIEW", db, v)).toList());
            }
            // a privilege on the whole database shows every view; then only those whose definitions it cannot read matter
            perDatabase(gaps, Kind.VIEWS, account, dbs, db -> {
                if (grants.holdsAnyOnDatabase(db) && unreadable.get(db).isEmpty()) {
                    return List.of();
                }
                List<ObjectPrivilege> missing = new ArrayList<>();
                for (String p : List.of("SELECT", "SHOW VIEW")) {
                    if (!grants.holdsOnDatabase(p, db)) {
                        missing.add(new ObjectPrivilege(p, db, null));
                    }
                }
                return missing;
            }, db -> unreadable.get(db).isEmpty()
                    ? new Hidden("no view it has no privilege on: whether any exist cannot be known without one", false)
                    : new Hidden("the views " + String.join(", ", unreadable.get(db)) + " without their definitions, and none it has "
                            + "no privilege on", true));
        }
        if (kinds.contains(Kind.ROUTINES)) {
            List<ObjectPrivilege> readers = dialect.routineReaders();
            boolean held = readers.stream().anyMatch(p -> p.database() == null ? grants.holdsGlobally(p.privilege())
                    : p.table() == null ? grants.holdsOnDatabase(p.privilege(), p.database())
                    : grants.holdsOnTable(p.privilege(), p.database(), p.table()));
            if (!held) {
                ObjectPrivilege grant = readers.get(0);
                gaps.add(new Gap(Kind.ROUTINES, dbs, List.of(grant), List.of(grant.grantTo(account)),
                        "only the routines it created itself (or those granted to it, without their definitions): "
                                + "whether others exist cannot be known without the privilege", false));
            }
        }
        if (kinds.contains(Kind.TRIGGERS)) {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String db : dbs) {
                tables.put(db, CheckContext.rows(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
                        + "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", db).stream().map(r -> r.get(0)).toList());
            }
            // TRIGGER table by table is enough only when a privilege on the whole database shows the account every table
            perDatabase(gaps, Kind.TRIGGERS, account, dbs, db -> grants.holdsOnDatabase("TRIGGER", db)
                    || grants.holdsAnyOnDatabase(db) && !tables.get(db).isEmpty()
                    && tables.get(db).stream().allMatch(t -> grants.holdsOnTable("TRIGGER", db, t)) ? List.of()
                    : List.of(new ObjectPrivilege("TRIGGER", db, null)),
                    db -> new Hidden("no trigger of a table it lacks TRIGGER on: whether any exist cannot be known without the "
                            + "privilege", false));
        }
        if (kinds.contains(Kind.EVENTS)) {
            perDatabase(gaps, Kind.EVENTS, account, dbs, db -> grants.holdsOnDatabase("EVENT", db) ? List.of()
                    : List.of(new ObjectPrivilege("EVENT", db, null)), db -> hiddenEvents(c, dialect, db));
        }
        return gaps;
    }

    private interface PerDatabase<T> {
        T apply(String database) throws SQLException;
    }

    /** One gap for the databases that miss the same privileges and hide the same way. */
    private static void perDatabase(List<Gap> gaps, Kind kind, String account, List<String> databases,
                                    PerDatabase<List<ObjectPrivilege>> missing, PerDatabase<Hidden> hidden) throws SQLException {
        Map<String, Gap> byWhat = new LinkedHashMap<>();
        for (String db : databases) {
            List<ObjectPrivilege> m = missing.apply(db);
            if (m.isEmpty()) {
                continue;
            }
            Hidden h = hidden.apply(db);
            String what = String.join(",", m.stream().map(ObjectPrivilege::privilege).toList()) + "|" + h.text();
            Gap g = byWhat.get(what);
            List<String> dbsOf = new ArrayList<>(g == null ? List.of() : g.databases());
            dbsOf.add(db);
            List<ObjectPrivilege> missingOf = new ArrayList<>(g == null ? List.of() : g.missing());
            missingOf.addAll(m);
            List<String> grantsOf = new ArrayList<>(g == null ? List.of() : g.grants());
            grantsOf.add("GRANT " + String.join(", ", m.stream().map(ObjectPrivilege::privilege).toList()) + " ON "
                    + Identifiers.quote(db) + ".* TO " + account + ";");
            byWhat.put(what, new Gap(kind, dbsOf, missingOf, grantsOf, h.text(), h.known()));
        }
        gaps.addAll(byWhat.values());
    }

    private static Hidden hiddenEvents(Connection c, SqlDialect dialect, String db) {
        String sql = dialect.eventCatalogCount();
        if (sql != null) {
            try {
                long n = Long.parseLong(CheckContext.rows(c, sql, db).get(0).get(0));
                return n > 0 ? new Hidden("none of its " + n + " events (counted in mysql.event)", true)
                        : new Hidden("no event (mysql.event holds none now), nor any created later", false);
            } catch (SQLException | RuntimeException e) {
                // mysql.event is not readable either: nothing can be counted
            }
        }
        return new Hidden("no event: whether any exist cannot be known without the privilege", false);
    }
}
