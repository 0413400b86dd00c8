package io.mysqlmigrate.bench;

import io.mysqlmigrate.stack.ConnectorConfigTemplate;
import io.mysqlmigrate.stack.MariaDbServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The peer: Debezium's own MariaDB source connector (from our source plugin, with the value-exact settings our
 * DebeziumSettings fixes) feeding Debezium's JDBC sink connector in upsert mode, both with Kafka's JsonConverter, and
 * with the Kafka client settings of the shipped configuration.
 */
final class DebeziumJdbcPipeline extends ConnectContender {
    DebeziumJdbcPipeline() {
        super("dbzjdbc");
    }

    @Override
    public String name() {
        return "Debezium MariaDB source + Debezium JDBC sink";
    }

    /** The JDBC sink creates tables (schema.evolution=basic) but not databases. */
    @Override
    protected void prepareDestination(BenchContext ctx) {
        ctx.destination().execute("CREATE DATABASE IF NOT EXISTS `" + BenchContext.DATABASE + "`");
    }

    /** The Kafka client settings ({@code producer.override.*} or {@code consumer.override.*}) of a shipped file. */
    private static Map<String, String> shippedClientOverrides(BenchContext ctx, String file, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String placeholder : new String[] {"NAME", "SOURCE_HOST", "SOURCE_PORT", "SOURCE_USER", "SOURCE_PASSWORD",
                "DESTINATION_HOST", "DESTINATION_PORT", "DESTINATION_USER", "DESTINATION_PASSWORD", "DATABASES", "TOPICS",
                "BOOTSTRAP_SERVERS"}) {
            values.put(placeholder, "unused");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        ConnectorConfigTemplate.load(ctx.projectRoot().resolve("config/embedded").resolve(file), values).config()
                .forEach((k, v) -> {
                    if (k.startsWith(prefix) && !k.equals("consumer.override.auto.offset.reset")) {
                        overrides.put(k, v);
                    }
                });
        return overrides;
    }

    @Override
    protected Map<String, Map<String, String>> connectors(BenchContext ctx, String prefix) {
        MariaDbServer s = ctx.source();
        MariaDbServer d = ctx.destination();
        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector");
        sink.put("tasks.max", "1");
        sink.put("key.converter", ProjectPipeline.KAFKA_CONVERTER);
        sink.put("value.converter", ProjectPipeline.KAFKA_CONVERTER);
        sink.put("topics", prefix + "." + BenchContext.DATABASE + "." + BenchContext.TABLE);
        sink.put("connection.url", "jdbc:mysql://" + d.host() + ":" + d.port() + "/" + BenchContext.DATABASE
                + "?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC");
        sink.put("connection.username", d.user());
        sink.put("connection.password", d.password());
        sink.put("insert.mode", "upsert");
        sink.put("primary.key.mode", "record_key");
        sink.put("schema.evolution", "basic");
        sink.put("delete.enabled", "true");
        sink.put("collection.name.format", "${source.table}");
        sink.putAll(sharedConsumerOverrides());
        sink.putAll(shippedClientOverrides(ctx, "sink.json", "consumer.override."));

        Map<String, String> source = new LinkedHashMap<>();
        source.put("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        source.put("tasks.max", "1");
        source.put("key.converter", ProjectPipeline.KAFKA_CONVERTER);
        source.put("value.converter", ProjectPipeline.KAFKA_CONVERTER);
        source.put("database.hostname", s.host());
        source.put("database.port", Integer.toString(s.port()));
        source.put("database.user", s.user());
        source.put("database.password", s.password());
        source.put("database.server.id", Integer.toString(184000 + Math.abs(prefix.hashCode() % 1000)));
        source.put("topic.prefix", prefix);
        source.put("database.include.list", BenchContext.DATABASE);
        source.put("snapshot.mode", "initial");
        source.put("schema.history.internal.kafka.bootstrap.servers", ctx.broker().bootstrapServers());
        source.put("schema.history.internal.kafka.topic", prefix + "-schema-history");
        source.put("schema.history.internal.store.only.captured.databases.ddl", "true");
        source.put("include.schema.changes", "true");
        source.put("skipped.operations", "none");
        source.put("tombstones.on.delete", "false");
        // the value-exact settings of io.mysqlmigrate.source.capture.DebeziumSettings
        source.put("bigint.unsigned.handling.mode", "precise");
        source.put("decimal.handling.mode", "precise");
        source.put("enable.time.adjuster", "false");
        source.put("time.precision.mode", "adaptive_time_microseconds");
        source.put("binary.handling.mode", "bytes");
        // our source's batch defaults (MigrationSourceConfig), so both captures hand Kafka the same batches
        source.put("poll.interval.ms", "50");
        source.put("max.batch.size", "4096");
        source.put("max.queue.size", "16384");
        source.put("topic.creation.default.partitions", "1");
        source.put("topic.creation.default.replication.factor", "-1");
        // the same Kafka producer settings as the shipped configuration (batching, compression): the comparison is
        // between the connectors, not between two ways of using Kafka
        source.putAll(shippedClientOverrides(ctx, "source.json", "producer.override."));

        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        out.put(prefix + "-sink", sink);
        out.put(prefix + "-source", source);
        return out;
    }
}
