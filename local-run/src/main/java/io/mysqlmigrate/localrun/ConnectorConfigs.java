package io.mysqlmigrate.localrun;

import io.mysqlmigrate.stack.ConnectorConfigTemplate;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The connector configurations this run registers, filled in from {@code config/embedded/} for the running stack. */
final class ConnectorConfigs {
    static final String SOURCE_FILE = "source.json";
    static final String SINK_FILE = "sink.json";

    private final LocalRun.Context ctx;
    private final Map<String, String> values;

    ConnectorConfigs(LocalRun.Context ctx, RunPlan plan, RunningStack stack) {
        this.ctx = ctx;
        this.values = TemplateValues.of(RunPlan.NAME, stack.source(), stack.destination(), plan.databases(),
                stack.broker().bootstrapServers());
    }

    /** The placeholders' values ({@code TOPICS}, {@code DATABASES}, ...). */
    Map<String, String> values() {
        return values;
    }

    Path file(String name) {
        return ctx.configDir().resolve(name);
    }

    ConnectorConfigTemplate load(String name) {
        try {
            return ConnectorConfigTemplate.load(file(name), values);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new LocalRunException("Cannot use the connector configuration: " + e.getMessage()
                    + "\n  Fix: restore config/embedded/ from the repository (git checkout config/embedded).", e);
        }
    }
}
