package io.mysqlmigrate.localrun;

import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectRestException;
import io.mysqlmigrate.stack.ConnectorConfigTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Both connectors registered through the worker's REST API (the sink first), then awaited until they run. */
final class ConnectorRegistration {
    private ConnectorRegistration() {
    }

    static void register(LocalRun.Context ctx, ConnectorConfigs configs, ConnectRestClient rest, Connectors connectors,
            Duration runningTimeout) {
        Terminal term = ctx.term();
        term.println();
        term.println("Connectors (registered through the worker's REST API " + rest.restUrl() + ")");
        Path sinkFile = configs.file(ConnectorConfigs.SINK_FILE);
        Path sourceFile = configs.file(ConnectorConfigs.SOURCE_FILE);
        ConnectorConfigTemplate sink = configs.load(ConnectorConfigs.SINK_FILE);
        ConnectorConfigTemplate src = configs.load(ConnectorConfigs.SOURCE_FILE);
        long started = System.nanoTime();
        for (ConnectorConfigTemplate c : List.of(sink, src)) {
            try {
                rest.createOrUpdate(c.name(), c.config());
            } catch (ConnectRestException e) {
                throw new LocalRunException("The worker refused connector " + c.name() + " (HTTP " + e.status() + "): "
                        + e.body() + "\n  Fix: correct " + ctx.display(c == sink ? sinkFile : sourceFile) + ".", e);
            }
            String shortClass = c.config().getOrDefault("connector.class", "?");
            shortClass = shortClass.substring(shortClass.lastIndexOf('.') + 1);
            term.println("  " + Format.fit(c.name(), 12) + " " + Format.fit(shortClass, 25) + " from "
                    + ctx.display(c == sink ? sinkFile : sourceFile) + "  "
                    + (c == sink ? "topics " + configs.values().get("TOPICS") : "databases "
                            + configs.values().get("DATABASES")));
        }
        connectors.awaitRunning(runningTimeout);
        term.println("  both RUNNING after " + Format.secondsSince(started));
    }
}
