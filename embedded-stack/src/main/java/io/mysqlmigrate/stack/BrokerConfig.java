package io.mysqlmigrate.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server.properties of a single-node KRaft broker that is its own controller. */
final class BrokerConfig {
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private BrokerConfig() {
    }

    static Map<String, String> render(int port, int controllerPort, Path logDir, Map<String, String> overrides) {
        String plaintext = "PLAINTEXT://" + MariaDbServer.HOST + ":" + port;
        String controller = "CONTROLLER://" + MariaDbServer.HOST + ":" + controllerPort;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // Kafka 4.x dynamic quorum: the storage is formatted with --standalone, so no static voters.
        p.put("controller.quorum.bootstrap.servers", MariaDbServer.HOST + ":" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", plaintext + "," + controller);
        p.put("advertised.listeners", plaintext + "," + controller);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        // A migration must not lose change events to time-based retention (record timestamps can be old).
        p.put("log.retention.ms", "-1");
        p.putAll(overrides);
        p.values().removeIf(value -> value == null);
        return p;
    }
}
