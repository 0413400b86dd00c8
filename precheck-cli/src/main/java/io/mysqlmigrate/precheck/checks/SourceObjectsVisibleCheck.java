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
 * none and report success. A FAIL names the kind, the databases, the missing privilege and the GRANT that fixes it;
 * where the hidden objects cannot be counted it still fails, since nothing can tell that there are none (turn
 * {@code events.migrate} off, or select tables with {@code tables.include}, to migrate no such objects).
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
        return CheckResult.fail(id(), Grants.account(ctx.sourceConnection()) + ": " + gaps.stream().map(ObjectVisibility.Gap::describe)
                        .collect(Collectors.joining("; ")),
                "The migration copies " + kindsText + ", reading them from information_schema and SHOW CREATE. The server "
                        + "hides what the account has no privilege on without any error, so hidden objects would be left out "
                        + "in silence, and the cut-over would report success having created none of them.",
                String.join(" ", grants));
    }
}
