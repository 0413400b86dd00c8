package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Source and destination have the same global time_zone (system_time_zone when it is SYSTEM). The sink writes in a UTC
 * session, so stored TIMESTAMPs are exact; what differs after cutover is what the applications' sessions see.
 */
public final class TimeZoneCheck implements Check {

    private static final Set<String> UTC = Set.of("UTC", "+00:00", "+0:00", "GMT", "ETC/UTC", "Z", "UCT");

    @Override
    public String id() {
        return "servers.time_zone";
    }

    /** The zone a server's sessions start in: time_zone, or the operating system's zone when that is SYSTEM. */
    static String effective(String timeZone, String systemTimeZone) {
        String zone = "SYSTEM".equalsIgnoreCase(timeZone) ? systemTimeZone : timeZone;
        return zone != null && UTC.contains(zone.toUpperCase(Locale.ROOT)) ? "UTC" : zone;
    }

    private static String describe(Connection c) throws SQLException {
        String tz = CheckContext.variable(c, "time_zone");
        return "SYSTEM".equalsIgnoreCase(tz) ? "SYSTEM (" + CheckContext.variable(c, "system_time_zone") + ")" : tz;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        Connection s = ctx.sourceConnection();
        Connection d = ctx.destinationConnection();
        String source = effective(CheckContext.variable(s, "time_zone"), CheckContext.variable(s, "system_time_zone"));
        String destination = effective(CheckContext.variable(d, "time_zone"), CheckContext.variable(d, "system_time_zone"));
        String found = "time_zone: source " + describe(s) + ", destination " + describe(d);
        if (source != null && source.equals(destination)) {
            return CheckResult.pass(id(), found);
        }
        String offset = CheckContext.rows(s, "SELECT CASE WHEN TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW()) < 0 THEN '-' ELSE '+' "
                + "END, LPAD(ABS(TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW())) DIV 60, 2, '0'), "
                + "LPAD(ABS(TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW())) MOD 60, 2, '0')").stream()
                .map(r -> r.get(0) + r.get(1) + ":" + r.get(2)).findFirst().orElseThrow();
        boolean named = source != null && !source.startsWith("+") && !source.startsWith("-") && !"UTC".equals(source);
        return CheckResult.warn(id(), found, "The migrated TIMESTAMP values are exact (the sink writes them in UTC), but after "
                        + "cutover the applications' sessions start in the destination's zone: TIMESTAMP columns read back "
                        + "shifted, and NOW() or CURRENT_TIMESTAMP defaults give other wall-clock times than on the source.",
                "SET GLOBAL time_zone = '" + offset + "'; and default_time_zone in the destination's my.cnf"
                        + (named ? " (the source's zone is " + source + ", now " + offset + "; to follow its daylight saving "
                        + "set the named zone instead, after loading the destination's time zone tables with "
                        + "mariadb-tzinfo-to-sql or mysql_tzinfo_to_sql)." : "."));
    }
}
