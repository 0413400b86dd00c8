package io.mysqlmigrate.precheck.cli;

import io.mysqlmigrate.precheck.progress.ConnectApi;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.ConnectRestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The two connector configurations every command of the CLI reads (a picocli mixin): each one either from a JSON
 * file as users POST it to Connect ({@code --source-config}, {@code --sink-config}), or by the connector's name from
 * a running worker's REST API ({@code --source-connector}, {@code --sink-connector} with {@code --connect-url}); read
 * through the connectors' own ConfigDefs. Passwords behind config provider references are resolved where the tool
 * runs, or asked for on the terminal (see {@link ConnectorFile}).
 */
public final class MigrationFiles {

    /** Where status and cutover look for the worker when no --connect-url is given. */
    static final String DEFAULT_CONNECT_URL = "http://localhost:8083";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--source-config", paramLabel = "FILE", description = "The source connector's JSON, as POSTed to Connect.")
    Path sourceFile;

    @Option(names = "--sink-config", paramLabel = "FILE", description = "The sink connector's JSON, as POSTed to Connect.")
    Path sinkFile;

    @Option(names = "--source-connector", paramLabel = "NAME", description = "Instead of --source-config: the source "
            + "connector's name on the Connect worker at --connect-url; its configuration is read from the worker.")
    String sourceName;

    @Option(names = "--sink-connector", paramLabel = "NAME", description = "Instead of --sink-config: the sink connector's "
            + "name on the Connect worker at --connect-url.")
    String sinkName;

    @Option(names = "--connect-url", paramLabel = "URL", description = "Kafka Connect's REST API, e.g. http://connect:8083. "
            + "Needed to read connectors by name; status and cutover use it always (default " + DEFAULT_CONNECT_URL + "); "
            + "precheck with it also checks the worker, both plugins, both configurations and the topics' retention.")
    String connectUrl;

    /** Asks for passwords the tool cannot resolve; tests replace it. */
    ConnectorFile.PasswordPrompt prompt = ConnectorFile.PasswordPrompt.console();

    /** Both configurations, read and validated. */
    public record Loaded(ConnectorFile sourceConnector, ConnectorFile sinkConnector, MigrationSourceConfig source,
                         MigrationSinkConfig sink) {
    }

    /** The worker's URL as given, or null (precheck: no worker checks). */
    String connectUrl() {
        return connectUrl;
    }

    /** The worker's URL as given, or the default of the commands that always talk to it. */
    String connectUrlOrDefault() {
        return connectUrl != null ? connectUrl : DEFAULT_CONNECT_URL;
    }

    /**
     * Checks that each side is given exactly one way, before anything is read; a wrong combination is a usage error
     * (exit code 2) naming the options.
     */
    void validate() {
        List<String> problems = problems(sourceFile, sourceName, sinkFile, sinkName, connectUrl);
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("\n", problems));
        }
    }

    static List<String> problems(Path sourceFile, String sourceName, Path sinkFile, String sinkName, String connectUrl) {
        List<String> problems = new java.util.ArrayList<>();
        side(problems, "source", sourceFile, sourceName);
        side(problems, "sink", sinkFile, sinkName);
        if ((sourceName != null || sinkName != null) && connectUrl == null) {
            problems.add("--" + (sourceName != null ? "source" : "sink") + "-connector reads the connector from a worker: give the "
                    + "worker's REST URL with --connect-url (e.g. --connect-url http://localhost:8083)");
        }
        return problems;
    }

    private static void side(List<String> problems, String side, Path file, String name) {
        if (file != null && name != null) {
            problems.add("--" + side + "-config and --" + side + "-connector both name the " + side + " connector: give one of them");
        } else if (file == null && name == null) {
            problems.add("the " + side + " connector is missing: give --" + side + "-config FILE (its JSON as POSTed to Connect) or --"
                    + side + "-connector NAME with --connect-url URL (read from the worker)");
        }
    }

    ConnectorFile sourceConnector() throws IOException, InterruptedException {
        return sourceFile != null ? ConnectorFile.read(sourceFile, prompt) : fromWorker(sourceName);
    }

    ConnectorFile sinkConnector() throws IOException, InterruptedException {
        return sinkFile != null ? ConnectorFile.read(sinkFile, prompt) : fromWorker(sinkName);
    }

    private ConnectorFile fromWorker(String name) throws IOException, InterruptedException {
        ConnectRestClient rest = ConnectApi.client(connectUrl);
        Map<String, String> raw = ConnectApi.config(rest, name);
        if (raw == null) {
            List<String> registered = rest.connectors();
            throw new IOException("no connector named '" + name + "' on the worker at " + rest.restUrl() + " (registered there: "
                    + (registered.isEmpty() ? "none" : String.join(", ", registered)) + "); check the name, or --connect-url. "
                    + "A finished cutover removes both connectors: then give the configurations as files (--source-config, "
                    + "--sink-config)");
        }
        return ConnectorFile.fromWorker(name, raw, rest.restUrl() + "/connectors/" + name + "/config", prompt);
    }

    Loaded load() throws IOException, InterruptedException {
        ConnectorFile source = sourceConnector();
        ConnectorFile sink = sinkConnector();
        return new Loaded(source, sink, new MigrationSourceConfig(source.config()), new MigrationSinkConfig(sink.config()));
    }
}
