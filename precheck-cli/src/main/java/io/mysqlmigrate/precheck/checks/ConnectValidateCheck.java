package io.mysqlmigrate.precheck.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectRestException;
import io.mysqlmigrate.stack.StackException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * One connector's configuration as the worker sees it: {@code PUT /connector-plugins/<class>/config/validate}, which runs
 * Connect's own checks (topics, converters, errors.*) and the connector's, and creates nothing. Every error is reported
 * by setting. Password settings are left out of the request: validation never connects, and the secret need not cross
 * the network for it.
 */
public final class ConnectValidateCheck implements Check {

    private final ConnectRestClient rest;
    private final boolean source;

    private ConnectValidateCheck(String connectUrl, boolean source) {
        this.rest = new ConnectRestClient(connectUrl, ConnectPluginsCheck.TIMEOUTS);
        this.source = source;
    }

    public static ConnectValidateCheck source(String connectUrl) {
        return new ConnectValidateCheck(connectUrl, true);
    }

    public static ConnectValidateCheck sink(String connectUrl) {
        return new ConnectValidateCheck(connectUrl, false);
    }

    @Override
    public String id() {
        return source ? "connect.source.config" : "connect.sink.config";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String pluginClass = ConnectPluginsCheck.PLUGINS.get(source ? 0 : 1);
        AbstractConfig config = source ? ctx.source() : ctx.sink();
        ConfigDef definition = source ? MigrationSourceConfig.CONFIG_DEF : MigrationSinkConfig.CONFIG_DEF;
        Map<String, String> settings = new LinkedHashMap<>(config.originalsStrings());
        definition.configKeys().values().stream().filter(k -> k.type == ConfigDef.Type.PASSWORD).forEach(k -> settings.remove(k.name));
        settings.put("connector.class", pluginClass);
        settings.putIfAbsent("name", source ? ctx.sourceConnectorName() : "precheck-validate-sink");
        JsonNode answer;
        try {
            answer = rest.validate(pluginClass, settings);
        } catch (ConnectRestException e) {
            return cannotValidate(pluginClass, e.reason());
        } catch (StackException e) {
            if (Thread.currentThread().isInterrupted()) {
                return CheckResult.fail(id(), "interrupted while validating", "", "Run the precheck again.");
            }
            return cannotValidate(pluginClass, e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode c : answer.path("configs")) {
            for (JsonNode error : c.path("value").path("errors")) {
                errors.add(c.path("value").path("name").asText() + ": " + error.asText());
            }
        }
        if (errors.isEmpty()) {
            return CheckResult.pass(id(), "the worker at " + rest.restUrl() + " accepts the " + (source ? "source" : "sink")
                    + " configuration (" + settings.size() + " settings, passwords not sent)");
        }
        return CheckResult.fail(id(), errors.size() + " setting(s) refused by the worker: " + String.join("; ", errors),
                "Connect refuses to create a connector whose configuration does not validate.",
                "Correct each named setting in the " + (source ? "source" : "sink") + " connector's file (docs/config/ describes "
                        + "every setting).");
    }

    private CheckResult cannotValidate(String pluginClass, String reason) {
        return CheckResult.fail(id(), "the worker at " + rest.restUrl() + " could not validate " + pluginClass + ": " + reason,
                "Connect would refuse to create the connector, or the worker cannot be reached.",
                "See connect.plugins, and fix what the message names.");
    }
}
