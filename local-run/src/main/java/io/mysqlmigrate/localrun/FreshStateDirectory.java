package io.mysqlmigrate.localrun;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state directory made anew for a start: the previous run's databases, topics and logs cleared (said before
 * anything is removed), the run's record written (never a password), and this program's log moved into it.
 */
final class FreshStateDirectory {
    private FreshStateDirectory() {
    }

    static void prepare(LocalRun.Context ctx, RunPlan plan, StateDirectory state) {
        if (state.exists()) {
            announceClearing(ctx, state);
        }
        state.clear();
        state.create();
        Map<String, String> record = new LinkedHashMap<>();
        record.put("started.at", Instant.now().toString());
        record.put("name", RunPlan.NAME);
        record.put("databases", String.join(",", plan.databases()));
        record.put("topics", String.join(",", plan.topics()));
        record.put("connector.source", plan.sourceConnector());
        record.put("connector.sink", plan.sinkConnector());
        record.put("source.private", Boolean.toString(plan.demoSource()));
        record.put("destination.private", Boolean.toString(plan.privateDestination()));
        if (plan.source() != null) {
            record.put("source.address", plan.source().address());
            record.put("source.user", plan.source().user());
        }
        if (plan.destination() != null) {
            record.put("destination.address", plan.destination().address());
            record.put("destination.user", plan.destination().user());
        }
        state.writeRecord(record);
        LocalRun.useLogFile(state.log());
    }

    /** Said before anything is removed: a new start begins from nothing. */
    private static void announceClearing(LocalRun.Context ctx, StateDirectory state) {
        String started = state.readRecord().get("started.at");
        if (started != null && started.length() >= 19) {
            started = started.substring(0, 19).replace('T', ' ') + " UTC";
        }
        Terminal term = ctx.term();
        term.println();
        term.println("Clearing the previous run in " + ctx.display(state.root()) + (started == null ? "" : " (started " + started + ")")
                + ": its databases, Kafka topics and logs; a new start begins from nothing");
    }
}
