package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    @Test
    void singleNodeKraftWithReplicationFactorOneAndLargeMessages() {
        Map<String, String> p = BrokerConfig.render(9092, 9093, Path.of("/x/data"), Map.of());
        assertEquals("broker,controller", p.get("process.roles"));
        assertEquals("1", p.get("node.id"));
        assertEquals("127.0.0.1:9093", p.get("controller.quorum.bootstrap.servers"));
        assertFalse(p.containsKey("controller.quorum.voters"), "format --standalone wants the dynamic quorum");
        assertEquals("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093", p.get("listeners"));
        assertEquals("CONTROLLER", p.get("controller.listener.names"));
        assertEquals("/x/data", p.get("log.dirs"));
        assertEquals("1", p.get("offsets.topic.replication.factor"));
        assertEquals("1", p.get("transaction.state.log.replication.factor"));
        assertEquals("1", p.get("transaction.state.log.min.isr"));
        assertEquals("0", p.get("group.initial.rebalance.delay.ms"));
        assertEquals("true", p.get("auto.create.topics.enable"));
        assertEquals("1", p.get("num.partitions"));
        assertEquals("67108864", p.get("message.max.bytes"));
        assertEquals(p.get("message.max.bytes"), p.get("replica.fetch.max.bytes"));
    }

    @Test
    void overridesComeLastAndNullRemoves() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("num.partitions", "3");
        overrides.put("log.retention.ms", null);
        overrides.put("extra", "x");
        Map<String, String> p = BrokerConfig.render(1, 2, Path.of("/d"), overrides);
        assertEquals("3", p.get("num.partitions"));
        assertFalse(p.containsKey("log.retention.ms"));
        assertEquals("x", p.get("extra"));
    }
}
