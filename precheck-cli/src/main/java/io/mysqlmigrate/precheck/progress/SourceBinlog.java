package io.mysqlmigrate.precheck.progress;

import io.mysqlmigrate.source.metrics.BinlogConnection;
import io.mysqlmigrate.source.metrics.SourceTaskMetrics;
import java.io.IOException;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The source task's binary log connection as its JMX bean tells it ({@code BinlogConnection},
 * {@code BinlogDisconnectedSeconds}, {@code BinlogReconnects}): a task Connect shows RUNNING may have lost the binary
 * log connection and read nothing. Only the worker running the task has the bean, so {@code status} needs that worker's
 * JMX address.
 *
 * @param state               NOT_STREAMING, CONNECTED or DISCONNECTED
 * @param disconnectedSeconds how long the connection has been lost; 0 unless DISCONNECTED
 * @param reconnects          losses the task recovered from since it started
 */
public record SourceBinlog(BinlogConnection state, long disconnectedSeconds, long reconnects) {

    public boolean disconnected() {
        return state == BinlogConnection.DISCONNECTED;
    }

    /** One line for people: "binlog connected (2 reconnections)", "binlog DISCONNECTED for 12 s ...". */
    public String describe() {
        return switch (state) {
            case NOT_STREAMING -> "binlog not read (the snapshot runs first, or a migration without incremental has ended)";
            case CONNECTED -> "binlog connected" + (reconnects == 0 ? "" : " (" + reconnects + " reconnection" + (reconnects == 1 ? "" : "s")
                    + " since the task started)");
            case DISCONNECTED -> "binlog DISCONNECTED for " + disconnectedSeconds + " s: changes on the source are not read; the "
                    + "task reconnects by itself (binlog.keepalive.interval.ms); if this lasts, check that the source runs, is "
                    + "reachable from the worker and accepts the connector's account";
        };
    }

    /** Reads the source task's bean of {@code connector} from the worker at {@code jmxUrl}. */
    public static SourceBinlog read(String jmxUrl, String connector) throws IOException {
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl), Map.of())) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ObjectName name = SourceTaskMetrics.objectName(connector);
            if (!server.isRegistered(name)) {
                throw new IOException("the worker at " + jmxUrl + " runs no task of source connector " + connector
                        + " (no bean " + name + "); with several workers, give the one that runs it");
            }
            return new SourceBinlog(BinlogConnection.valueOf((String) server.getAttribute(name, "BinlogConnection")),
                    (Long) server.getAttribute(name, "BinlogDisconnectedSeconds"), (Long) server.getAttribute(name, "BinlogReconnects"));
        } catch (JMException e) {
            throw new IOException("the source task's bean cannot be read at " + jmxUrl + ": " + e.getMessage(), e);
        }
    }
}
