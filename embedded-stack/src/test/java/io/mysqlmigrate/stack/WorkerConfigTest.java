package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    @Test
    void defaultsNameTheInternalTopicsFromTheGroupId() {
        Map<String, String> p = WorkerConfig.render("127.0.0.1:1", "grp", Path.of("/plugins"), 8083, Map.of());
        assertEquals("127.0.0.1:1", p.get("bootstrap.servers"));
        assertEquals("grp", p.get("group.id"));
        assertEquals("grp-configs", p.get("config.storage.topic"));
        assertEquals("grp-offsets", p.get("offset.storage.topic"));
        assertEquals("grp-status", p.get("status.storage.topic"));
        for (String topic : new String[] {"config", "offset", "status"}) {
            assertEquals("1", p.get(topic + ".storage.replication.factor"));
        }
        assertEquals(WorkerConfig.JSON_CONVERTER, p.get("key.converter"));
        assertEquals(WorkerConfig.JSON_CONVERTER, p.get("value.converter"));
        assertEquals("true", p.get("value.converter.schemas.enable"));
        assertEquals("/plugins", p.get("plugin.path"));
        assertEquals("service_load", p.get("plugin.discovery"));
        assertEquals("http://127.0.0.1:8083", p.get("listeners"));
        assertEquals("127.0.0.1", p.get("rest.advertised.host.name"));
        assertEquals("All", p.get("connector.client.config.override.policy"));
        assertEquals("0", p.get("scheduled.rebalance.max.delay.ms"));
        assertEquals("67108864", p.get("producer.max.request.size"));
        assertTrue(Long.parseLong(p.get("producer.buffer.memory")) > Long.parseLong(p.get("producer.max.request.size")));
        assertEquals("1000", p.get("offset.flush.interval.ms"));
        assertEquals("10000", p.get("task.shutdown.graceful.timeout.ms"));
        assertEquals("file,env", p.get("config.providers"));
        assertEquals(WorkerConfig.FILE_CONFIG_PROVIDER, p.get("config.providers.file.class"));
        assertEquals(WorkerConfig.ENV_CONFIG_PROVIDER, p.get("config.providers.env.class"));
    }

    @Test
    void overridesMergeLastAndNullRemovesADefault() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("value.converter.schemas.enable", "false");
        overrides.put("producer.linger.ms", null);
        Map<String, String> p = WorkerConfig.render("b:1", "g", null, 1, overrides);
        assertEquals("false", p.get("value.converter.schemas.enable"));
        assertFalse(p.containsKey("producer.linger.ms"));
        assertFalse(p.containsKey("plugin.path"));
    }
}
