package io.mysqlmigrate.precheck.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.sink.MigrationSinkConnector;
import io.mysqlmigrate.source.MigrationSourceConnector;
import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectRestException;
import io.mysqlmigrate.stack.StackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Connect worker answers its REST API and has both plugins installed, in one version: the two connectors are
 * released together and read each other's records and headers.
 */
public final class ConnectPluginsCheck implements Check {

    static final List<String> PLUGINS = List.of(MigrationSourceConnector.class.getName(), MigrationSinkConnector.class.getName());

    /** 15 s to connect and 15 s for an answer; validation during a rebalance is reported, not waited out. */
    static final ConnectRestClient.Timeouts TIMEOUTS = new ConnectRestClient.Timeouts(Duration.ofSeconds(15),
            Duration.ofSeconds(15), Duration.ZERO);

    private final ConnectRestClient rest;

    public ConnectPluginsCheck(String connectUrl) {
        this.rest = new ConnectRestClient(connectUrl, TIMEOUTS);
    }

    @Override
    public String id() {
        return "connect.plugins";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String workerVersion;
        JsonNode plugins;
        try {
            workerVersion = rest.get("/").path("version").asText("?");
            plugins = rest.get("/connector-plugins?connectorsOnly=true");
        } catch (ConnectRestException e) {
            return CheckResult.fail(id(), "the Connect worker at " + rest.restUrl() + " cannot be reached: " + e.reason(),
                    "The migration runs on that worker; the precheck cannot see whether it can run it.",
                    "Start the worker, or give the URL of its REST listener (rest.advertised.* / listeners of the worker).");
        } catch (StackException e) {
            if (Thread.currentThread().isInterrupted()) {
                return CheckResult.fail(id(), "interrupted while asking " + rest.restUrl(), "", "Run the precheck again.");
            }
            return CheckResult.fail(id(), "the Connect worker at " + rest.restUrl() + " cannot be reached: " + e.getMessage(),
                    "The migration runs on that worker; the precheck cannot see whether it can run it.",
                    "Start the worker, or give the URL of its REST listener (rest.advertised.* / listeners of the worker).");
        }
        Map<String, String> versions = new LinkedHashMap<>();
        for (JsonNode plugin : plugins) {
            if (PLUGINS.contains(plugin.path("class").asText())) {
                versions.put(plugin.path("class").asText(), plugin.path("version").asText());
            }
        }
        List<String> missing = new ArrayList<>(PLUGINS);
        missing.removeAll(versions.keySet());
        String worker = "Kafka Connect " + workerVersion + " at " + rest.restUrl();
        if (!missing.isEmpty()) {
            return CheckResult.fail(id(), worker + " has no " + String.join(" and no ", missing),
                    "Connect cannot create a connector whose plugin it has not loaded.",
                    "Unpack the plugin archives (source-connector and sink-connector *-plugin.zip) into a directory on every "
                            + "worker's plugin.path and restart the workers.");
        }
        String sourceVersion = versions.get(PLUGINS.get(0));
        String sinkVersion = versions.get(PLUGINS.get(1));
        if (!sourceVersion.equals(sinkVersion)) {
            return CheckResult.fail(id(), worker + ": source plugin " + sourceVersion + ", sink plugin " + sinkVersion,
                    "Both connectors are released together; the sink reads the headers and records of its own version's source.",
                    "Install both plugin archives of one release on every worker and restart the workers.");
        }
        return CheckResult.pass(id(), worker + ": both plugins installed, version " + sourceVersion
                + (sourceVersion.equals(MigrationSourceConnector.VERSION) ? "" : " (this precheck is " + MigrationSourceConnector.VERSION + ")"));
    }
}
