package io.mysqlmigrate.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The worker.properties of a Connect distributed worker. */
final class WorkerConfig {
    static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
    static final String FILE_CONFIG_PROVIDER = "org.apache.kafka.common.config.provider.FileConfigProvider";
    static final String ENV_CONFIG_PROVIDER = "org.apache.kafka.common.config.provider.EnvVarConfigProvider";

    private WorkerConfig() {
    }

    static Map<String, String> render(String bootstrapServers, String groupId, Path pluginPath, int restPort,
            Map<String, String> overrides) {
        String maxBytes = Integer.toString(BrokerConfig.MAX_MESSAGE_BYTES);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", groupId);
        p.put("key.converter", JSON_CONVERTER);
        p.put("value.converter", JSON_CONVERTER);
        p.put("key.converter.schemas.enable", "true");
        p.put("value.converter.schemas.enable", "true");
        p.put("config.storage.topic", groupId + "-configs");
        p.put("offset.storage.topic", groupId + "-offsets");
        p.put("status.storage.topic", groupId + "-status");
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        p.put("offset.flush.interval.ms", "1000");
        if (pluginPath != null) {
            p.put("plugin.path", pluginPath.toAbsolutePath().toString());
        }
        p.put("plugin.discovery", "service_load");
        p.put("listeners", "http://" + MariaDbServer.HOST + ":" + restPort);
        p.put("rest.advertised.host.name", MariaDbServer.HOST);
        p.put("rest.advertised.port", Integer.toString(restPort));
        p.put("rest.advertised.listener", "http");
        p.put("connector.client.config.override.policy", "All");
        p.put("producer.max.request.size", maxBytes);
        // A record up to max.request.size must fit into the producer's buffer (32 MiB by default).
        p.put("producer.buffer.memory", Integer.toString(BrokerConfig.MAX_MESSAGE_BYTES + 32 * 1024 * 1024));
        p.put("producer.linger.ms", "0");
        p.put("consumer.fetch.max.wait.ms", "10");
        p.put("consumer.max.partition.fetch.bytes", maxBytes);
        p.put("scheduled.rebalance.max.delay.ms", "0");
        p.put("task.shutdown.graceful.timeout.ms", "10000");
        // As users run it: connector configurations may name secrets with ${file:<path>:<key>} and ${env:<VAR>}.
        p.put("config.providers", "file,env");
        p.put("config.providers.file.class", FILE_CONFIG_PROVIDER);
        p.put("config.providers.env.class", ENV_CONFIG_PROVIDER);
        p.putAll(overrides);
        p.values().removeIf(value -> value == null);
        return p;
    }

    static Map<String, String> logLevels() {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("org.apache.kafka.connect.runtime", "INFO");
        levels.put("org.apache.kafka.clients", "WARN");
        levels.put("org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "INFO");
        levels.put("org.apache.kafka.common.config.AbstractConfig", "WARN");
        levels.put("org.apache.kafka.common.utils.AppInfoParser", "WARN");
        levels.put("org.apache.kafka.common.metrics", "WARN");
        levels.put("org.eclipse.jetty", "WARN");
        levels.put("org.glassfish.jersey", "WARN");
        levels.put("org.reflections", "ERROR");
        levels.put("io.debezium", "INFO");
        levels.put("io.mysqlmigrate", "INFO");
        return levels;
    }
}
