package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;

/** Both servers are supported (MySQL 8.0+, MariaDB 10.6+), and the destination is not older than the source. */
public final class ServerVersionsCheck implements Check {

    @Override
    public String id() {
        return "servers.versions";
    }

    static boolean supported(ServerVersion v) {
        return v.isMariaDb() ? v.atLeast(10, 6, 0) : v.atLeast(8, 0, 0);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        return decide(ctx.sourceVersion(), ctx.destinationVersion());
    }

    /** The decision on two versions; apart from run() so pairs no test server can be (MySQL, old MariaDB) are tested. */
    CheckResult decide(ServerVersion s, ServerVersion d) {
        String found = "source " + s + ", destination " + d;
        for (ServerVersion v : new ServerVersion[] {s, d}) {
            if (!supported(v)) {
                return CheckResult.fail(id(), found, v + " is older than the product supports (MySQL 8.0/8.4, MariaDB 10.6+).",
                        "Upgrade the server to MySQL 8.0 or newer, or MariaDB 10.6 or newer.");
            }
        }
        if (s.flavour() != d.flavour()) {
            return CheckResult.warn(id(), found, "Source and destination are different flavours: DDL and some types "
                    + "(JSON, generated columns, collations) may not carry over as written.", "Migrate between the same "
                    + "flavour, or acknowledge this check after testing the schema on the destination.");
        }
        if (!d.atLeast(s.major(), s.minor(), 0)) {
            return CheckResult.fail(id(), found, "The destination is older than the source: the source's DDL and "
                    + "collations may not exist there.", "Use a destination of version " + s.major() + "." + s.minor() + " or newer.");
        }
        return CheckResult.pass(id(), found);
    }
}
