package io.mysqlmigrate.localrun;

import io.mysqlmigrate.stack.demo.DemoDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** The demo database {@value RunPlan#DEMO_DATABASE} made on the private source, the only case local-run writes to one. */
final class DemoData {
    static final int CUSTOMERS = 2_000;
    static final int ORDERS = 5_000;

    private DemoData() {
    }

    static void create(Endpoint source, Terminal term) {
        term.println();
        term.println("Demo data on the source");
        long started = System.nanoTime();
        try (Connection c = source.open()) {
            DemoDatabase.create(c, RunPlan.DEMO_DATABASE, CUSTOMERS, ORDERS);
        } catch (SQLException e) {
            throw new LocalRunException("Creating the demo database failed: " + source.explain(e), e);
        }
        term.println("  created database " + RunPlan.DEMO_DATABASE + " in " + Format.secondsSince(started));
    }
}
