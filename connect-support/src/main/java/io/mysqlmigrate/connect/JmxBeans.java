package io.mysqlmigrate.connect;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The beans a connector task publishes in its worker's JVM, and those it reads there (Debezium's). A worker runs many
 * tasks and restarts them in place, so a bean is registered over one an earlier task of the same name left behind, and
 * taken away without complaint when it is already gone.
 */
public final class JmxBeans {

    /** The domain of every bean the connectors publish. */
    public static final String DOMAIN = "io.mysqlmigrate";

    private JmxBeans() {
    }

    /** A bean name in {@code domain} (which may hold the wildcards {@code *} and {@code ?} for a pattern). */
    public static Name name(String domain) {
        return new Name(domain);
    }

    /** Registers {@code bean} under {@code name} in the worker's JVM, replacing a bean already registered there. */
    public static void register(Object bean, ObjectName name) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (server.isRegistered(name)) {
            try {
                server.unregisterMBean(name);
            } catch (InstanceNotFoundException goneMeanwhile) {
                // what we meant to do
            }
        }
        server.registerMBean(bean, name);
    }

    /** Takes the bean away; one already gone is no error. */
    public static void unregisterQuietly(ObjectName name) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException alreadyGone) {
            // nothing to take away
        }
    }

    /**
     * The {@code attributes} of every bean matching {@code pattern} in the worker's JVM, one map per bean, in the order
     * asked. A bean that goes away while it is read, or lacks one of them, is left out.
     */
    public static List<Map<String, Object>> read(ObjectName pattern, String... attributes) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<Map<String, Object>> out = new ArrayList<>();
        for (ObjectName name : server.queryNames(pattern, null)) {
            Map<String, Object> values = new LinkedHashMap<>();
            try {
                for (String attribute : attributes) {
                    values.put(attribute, server.getAttribute(name, attribute));
                }
            } catch (JMException unregisteredMeanwhile) {
                continue;
            }
            out.add(values);
        }
        return out;
    }

    /**
     * Builds an {@link ObjectName} key by key. Values the user chose (connector names) go through {@link #quoted}, so
     * any text is safe; values of our own through {@link #plain}, which refuses what would need quoting.
     */
    public static final class Name {

        private final StringBuilder text;
        private boolean first = true;

        private Name(String domain) {
            this.text = new StringBuilder(domain).append(':');
        }

        /** A value written as it is; one holding {@code , = : " * ? \} or a line break is refused. */
        public Name plain(String key, String value) throws MalformedObjectNameException {
            if (value == null || value.isEmpty() || value.chars().anyMatch(c -> ",=:\"*?\\\n".indexOf(c) >= 0)) {
                throw new MalformedObjectNameException("'" + value + "' cannot be the plain value of key " + key
                        + " in a JMX name; quote it");
            }
            return key(key, value);
        }

        /** A value in quotes, whatever it holds ({@link ObjectName#quote}). */
        public Name quoted(String key, String value) throws MalformedObjectNameException {
            return key(key, ObjectName.quote(value));
        }

        private Name key(String key, String value) {
            text.append(first ? "" : ",").append(key).append('=').append(value);
            first = false;
            return this;
        }

        /** The name with exactly these keys. */
        public ObjectName build() throws MalformedObjectNameException {
            return new ObjectName(text.toString());
        }

        /** A pattern matching names with these keys and any others ({@code ,*}). */
        public ObjectName pattern() throws MalformedObjectNameException {
            return new ObjectName(text + (first ? "*" : ",*"));
        }
    }
}
