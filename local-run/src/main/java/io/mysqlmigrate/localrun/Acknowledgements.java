package io.mysqlmigrate.localrun;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The precheck warnings acknowledged: those the operator named with {@code --ack}, and those the demo raises on
 * purpose, acknowledged visibly as an operator would: the demo's private source keeps MariaDB's default sql_mode, which
 * allows zero dates. An existing source gets only the operator's.
 */
final class Acknowledgements {
    private static final Map<String, String> DEMO = Map.of("source.sql_mode.zero_dates",
            "the demo's server allows zero dates");

    private Acknowledgements() {
    }

    static Set<String> of(RunPlan plan, List<CheckResult> results, Terminal term) {
        Set<String> acknowledged = new TreeSet<>(plan.acknowledged());
        if (!plan.demoSource()) {
            return acknowledged;
        }
        for (CheckResult r : results) {
            if (r.status() == Status.WARN && DEMO.containsKey(r.id())) {
                acknowledged.add(r.id());
                term.println("  acknowledged for the demo: " + r.id() + " (" + DEMO.get(r.id()) + ")");
            }
        }
        return acknowledged;
    }
}
