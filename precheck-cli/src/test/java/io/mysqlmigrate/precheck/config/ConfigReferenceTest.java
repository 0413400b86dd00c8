package io.mysqlmigrate.precheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed configuration reference must be what the ConfigDefs render today. When it is stale this test fails;
 * run it with -Dconfig.reference.update=true to rewrite the files, and commit them.
 */
class ConfigReferenceTest {

    private static final Path DOCS = Path.of(System.getProperty("mysqlmigrate.docs.dir", "../docs"));

    @ParameterizedTest
    @CsvSource({"source-connector", "sink-connector"})
    void theCommittedReferenceIsCurrent(String connector) throws IOException {
        boolean source = connector.startsWith("source");
        ConfigDef def = source ? MigrationSourceConfig.CONFIG_DEF : MigrationSinkConfig.CONFIG_DEF;
        String rendered = ConfigReference.markdown(
                source ? "Source connector settings" : "Sink connector settings",
                "Settings of `" + (source ? "io.mysqlmigrate.source.MigrationSourceConnector" : "io.mysqlmigrate.sink.MigrationSinkConnector")
                        + "`, besides Kafka Connect's own (`name`, `connector.class`, `tasks.max`"
                        + (source ? ", `topic.creation.*`" : ", `topics`, `errors.*`") + ", converters)."
                        + (source ? " Settings starting with `" + MigrationSourceConfig.DEBEZIUM_PASSTHROUGH_PREFIX + "` go to the "
                                + "Debezium connector underneath without that prefix, overriding what this connector sets: an "
                                + "escape hatch that none of the ready configurations in `config/` needs." : ""),
                def);
        Path file = DOCS.resolve("config").resolve(connector + ".md");
        if (Boolean.getBoolean("config.reference.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, rendered);
        }
        assertTrue(Files.exists(file), file + " is missing: run this test with -Dconfig.reference.update=true");
        assertEquals(rendered, Files.readString(file), file + " is stale: run this test with -Dconfig.reference.update=true "
                + "and commit the result");
    }
}
