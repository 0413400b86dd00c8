package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The source account sees every view, routine, trigger and event the migration copies. Without the privilege that
 * shows a kind, information_schema simply returns fewer rows (no error), so the migration and the cut-over would copy
 * none and report success. It names the kind, the databases, the missing privilege and the GRANT that fixes it: a FAIL
 * when objects are known to be hidden (views whose definitions it cannot read, events counted in mysql.event), else a
 * WARN, which blocks like a FAIL unless acknowledged by its id, since nothing the account can read tells whether there
 * are any ({@code events.migrate} off, or a table selection with {@code tables.include}, migrates no such objects).
 */
public final class SourceObjectsVisibleCheck implements Check {

    @Override
    public String id() {
        return "source.objects.visible";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        Set<ObjectVisibility.Kind> kinds = ObjectVisibility.migrated(ctx.source());
        String kindsText = kinds.stream().map(ObjectVisibility.Kind::label).collect(Collectors.joining(", "));
        if (kinds.isEmpty()) {
            return CheckResult.pass(id(), "tables are selected one by one (tables.include): no views, routines, triggers or "
                    + "events are migrated");
        }
        List<ObjectVisibility.Gap> gaps = ObjectVisibility.gaps(ctx.sourceConnection(), ctx.sourceVersion(), ctx.source().databases(),
                kinds);
        if (gaps.isEmpty()) {
            return CheckResult.pass(id(), Grants.account(ctx.sourceConnection()) + " sees every object of the kinds migrated ("
                    + kindsText + ") in " + String.join(", ", ctx.source().databases()));
        }
        List<String> grants = new ArrayList<>();
        gaps.forEach(g -> grants.addAll(g.grants()));
        String found = Grants.account(ctx.sourceConnection()) + ": " + gaps.stream().map(ObjectVisibility.Gap::describe)
                .collect(Collectors.joining("; "));
        String why = "The migration copies " + kindsText + ", reading them from information_schema and SHOW CREATE. The server "
                + "hides what the account has no privilege on without any error, so hidden objects would be left out in "
                + "silence, and the cut-over would report success having created none of them.";
        if (gaps.stream().anyMatch(ObjectVisibility.Gap::known)) {
            return CheckResult.fail(id(), found, why, String.join(" ", grants));
        }
        return CheckResult.warn(id(), found, why + " Nothing the account can read tells whether such objects exist: this "
                + "blocks the migration unless acknowledged (" + id() + ") by someone who knows the databases hold none, now or "
                + "later; the cut-over still refuses to start without TRIGGER and EVENT.", String.join(" ", grants));
    }
}
