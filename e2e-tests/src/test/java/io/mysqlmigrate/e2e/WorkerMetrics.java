package io.mysqlmigrate.e2e;

import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.source.metrics.SourceTaskMetrics;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** Reads a metric from the Connect worker's JMX endpoint, as an operator's monitoring would. */
final class WorkerMetrics {

    private WorkerMetrics() {
    }

    static Object read(String jmxUrl, String objectName, String attribute) throws Exception {
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            return server.getAttribute(new ObjectName(objectName), attribute);
        }
    }

    /** A {@code Map<String, Long>} attribute as JMX carries it (tabular data of key and value), back as a map. */
    static java.util.Map<String, Long> map(Object tabular) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (Object row : ((javax.management.openmbean.TabularData) tabular).values()) {
            javax.management.openmbean.CompositeData entry = (javax.management.openmbean.CompositeData) row;
            out.put((String) entry.get("key"), (Long) entry.get("value"));
        }
        return out;
    }

    /** The name the sink task registers its bean under (the tasks' own naming, not a copy of it). */
    static String sinkTask(String connectorName, int task) {
        try {
            return SinkTaskMetrics.objectName(connectorName, String.valueOf(task)).toString();
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String sourceTask(String connectorName) {
        try {
            return SourceTaskMetrics.objectName(connectorName).toString();
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
