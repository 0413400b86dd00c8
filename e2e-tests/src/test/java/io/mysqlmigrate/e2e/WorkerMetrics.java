package io.mysqlmigrate.e2e;

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

    static String sourceTask(String connectorName) {
        return "io.mysqlmigrate:type=source-task,connector=" + ObjectName.quote(connectorName);
    }
}
