package io.mysqlmigrate.precheck.cli;

import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The two connector files every command of the CLI reads, as users POST them to Connect: the options that name them
 * (a picocli mixin) and the files read through the connectors' own ConfigDefs.
 */
public final class MigrationFiles {

    @Option(names = "--source-config", required = true, description = "The source connector's JSON, as POSTed to Connect.")
    Path sourceFile;

    @Option(names = "--sink-config", required = true, description = "The sink connector's JSON, as POSTed to Connect.")
    Path sinkFile;

    /** Both files, read and validated. */
    public record Loaded(ConnectorFile sourceConnector, ConnectorFile sinkConnector, MigrationSourceConfig source,
                         MigrationSinkConfig sink) {
    }

    ConnectorFile sourceConnector() throws IOException {
        return ConnectorFile.read(sourceFile);
    }

    ConnectorFile sinkConnector() throws IOException {
        return ConnectorFile.read(sinkFile);
    }

    Loaded load() throws IOException {
        ConnectorFile source = sourceConnector();
        ConnectorFile sink = sinkConnector();
        return new Loaded(source, sink, new MigrationSourceConfig(source.config()), new MigrationSinkConfig(sink.config()));
    }
}
