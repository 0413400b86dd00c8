package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.stack.SharedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Leftovers of gh-ost and pt-online-schema-change on the shared source, made as those tools name them (shadow tables
 * and a pt_osc trigger copying deletes into the new table): the check warns naming each, and its DROP statements, run,
 * make it pass. Tables that only look similar are not named.
 */
class OnlineDdlLeftoversOnMariaDbIT {

    @Test
    void ghOstAndPtOscLeftoversWarnUntilDropped() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "osc");
        stack.source().execute("CREATE TABLE " + db + "._t_gho (id INT PRIMARY KEY, v TEXT)",
                "CREATE TABLE " + db + "._t_ghc (id BIGINT PRIMARY KEY, hint VARCHAR(64))",
                "CREATE TABLE " + db + "._t_new (id INT PRIMARY KEY, v TEXT)",
                "CREATE TABLE " + db + ".t_new (id INT PRIMARY KEY)",
                "CREATE TABLE " + db + "._t_newest (id INT PRIMARY KEY)",
                "CREATE TRIGGER " + db + ".pt_osc_" + db + "_t_del AFTER DELETE ON " + db + ".t FOR EACH ROW "
                        + "DELETE IGNORE FROM " + db + "._t_new WHERE id = OLD.id");
        var source = CheckRuns.source(stack.source(), db);
        var sink = CheckRuns.sink(stack.destination());

        CheckResult warned = CheckRuns.run(new OnlineDdlLeftoversCheck(), source, sink);
        assertEquals(Status.WARN, warned.status());
        assertEquals("gh-ost tables " + db + "._t_ghc, " + db + "._t_gho; pt-online-schema-change tables " + db + "._t_new; "
                + "pt-online-schema-change triggers " + db + ".pt_osc_" + db + "_t_del (on t)", warned.found());

        Matcher drops = Pattern.compile("DROP (TRIGGER|TABLE) [^;]+;").matcher(warned.fix());
        List<String> statements = new ArrayList<>();
        while (drops.find()) {
            statements.add(drops.group());
        }
        assertEquals(4, statements.size(), warned.fix());
        CheckRuns.applyFix(stack.source(), String.join(" ", statements));
        CheckResult passed = CheckRuns.run(new OnlineDdlLeftoversCheck(), source, sink);
        assertEquals(Status.PASS, passed.status(), passed.found());
        assertFalse(passed.found().contains("t_new"));
    }
}
