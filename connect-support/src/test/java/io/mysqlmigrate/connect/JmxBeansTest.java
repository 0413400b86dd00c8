package io.mysqlmigrate.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.JMX;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class JmxBeansTest {

    public interface CounterMXBean {
        long getCount();
    }

    record Counter(long count) implements CounterMXBean {
        @Override
        public long getCount() {
            return count;
        }
    }

    @Test
    void namesQuoteWhatUsersChoseAndKeepOurOwnValuesPlain() throws Exception {
        ObjectName name = JmxBeans.name(JmxBeans.DOMAIN).plain("type", "sink-task").quoted("connector", "shop, \"eu\"=1")
                .plain("task", "0").build();
        assertEquals("io.mysqlmigrate:type=sink-task,connector=\"shop, \\\"eu\\\"=1\",task=0", name.toString());
        assertEquals("shop, \"eu\"=1", ObjectName.unquote(name.getKeyProperty("connector")));
        assertEquals("0", name.getKeyProperty("task"));
    }

    @Test
    void aPlainValueThatWouldNeedQuotesIsRefusedNamingTheKey() {
        for (String bad : new String[] {"a,b", "a=b", "a:b", "a*", "\"a\"", "", "a?b"}) {
            MalformedObjectNameException e = assertThrows(MalformedObjectNameException.class,
                    () -> JmxBeans.name("d").plain("server", bad), bad);
            assertTrue(e.getMessage().contains("key server"), e.getMessage());
        }
    }

    @Test
    void aPatternMatchesNamesWithMoreKeys() throws Exception {
        ObjectName pattern = JmxBeans.name("debezium.*").plain("context", "snapshot").plain("server", "checks.x-1").pattern();
        assertTrue(pattern.isPattern());
        assertTrue(pattern.apply(new ObjectName("debezium.mariadb:type=connector-metrics,context=snapshot,server=checks.x-1")));
        assertFalse(pattern.apply(new ObjectName("debezium.mariadb:type=connector-metrics,context=streaming,server=checks.x-1")));
        assertEquals(new ObjectName("d:*"), JmxBeans.name("d").pattern());
    }

    @Test
    void registeringAgainReplacesTheEarlierBeanAndUnregisteringTwiceIsQuiet() throws Exception {
        ObjectName name = JmxBeans.name(JmxBeans.DOMAIN).plain("type", "test").quoted("connector", "replace-me").build();
        var server = ManagementFactory.getPlatformMBeanServer();
        try {
            JmxBeans.register(new Counter(1), name);
            JmxBeans.register(new Counter(2), name);
            assertEquals(2, JMX.newMXBeanProxy(server, name, CounterMXBean.class).getCount());
            assertEquals(List.of(Map.of("Count", 2L)), JmxBeans.read(JmxBeans.name(JmxBeans.DOMAIN).plain("type", "test").pattern(), "Count"));
        } finally {
            JmxBeans.unregisterQuietly(name);
            JmxBeans.unregisterQuietly(name);
        }
        assertFalse(server.isRegistered(name));
    }

    @Test
    void readingLeavesOutBeansLackingAnAttribute() throws Exception {
        ObjectName name = JmxBeans.name(JmxBeans.DOMAIN).plain("type", "test-partial").build();
        try {
            JmxBeans.register(new Counter(5), name);
            ObjectName pattern = JmxBeans.name(JmxBeans.DOMAIN).plain("type", "test-partial").pattern();
            assertEquals(List.of(), JmxBeans.read(pattern, "Count", "NoSuchAttribute"));
            assertEquals(5L, JmxBeans.read(pattern, "Count").get(0).get("Count"));
        } finally {
            JmxBeans.unregisterQuietly(name);
        }
    }
}
