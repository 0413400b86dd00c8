package io.mysqlmigrate.source.capture;

import io.debezium.bean.spi.BeanRegistry;
import io.debezium.bean.spi.BeanRegistryAware;
import io.debezium.spi.snapshot.Snapshotter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The snapshot mode the capture asks Debezium for, unchanged in what it decides, and the one component of ours Debezium
 * consults after it has built its database schema and before it parses any DDL: there it gives the schema the parser
 * that reads names exactly ({@link ExactNameParsers}). Debezium finds it by {@link #NAME} (snapshot.mode=custom) and
 * loads it from the plugin's {@code META-INF/services}; every decision goes to Debezium's own snapshotter of the mode
 * {@link DebeziumSettings} chose.
 */
public final class ExactNameSnapshotter implements Snapshotter, BeanRegistryAware {

    public static final String NAME = "mysql-migrate-exact-names";
    /** Where the mode Debezium's own snapshotter is chosen by travels in the capture's configuration. */
    static final String MODE = "mysqlmigrate.capture.snapshot.mode";

    private BeanRegistry beans;
    private Snapshotter mode;
    private boolean installed;

    /** Debezium's settings with the snapshot mode routed through this snapshotter. */
    public static Map<String, String> routed(Map<String, String> debezium) {
        Map<String, String> routed = new LinkedHashMap<>(debezium);
        String mode = routed.getOrDefault("snapshot.mode", "initial");
        if ("custom".equalsIgnoreCase(mode)) {
            throw new ConnectException("debezium.snapshot.mode=custom cannot be used: the capture routes Debezium's snapshot"
                    + " mode through its own snapshotter (" + NAME + "), which gives Debezium the DDL parser that reads names"
                    + " holding a backtick exactly. Remove debezium.snapshot.mode and debezium.snapshot.mode.custom.name from"
                    + " the connector's configuration; the migration types choose the snapshot mode.");
        }
        routed.put(MODE, mode);
        routed.put("snapshot.mode", "custom");
        routed.put("snapshot.mode.custom.name", NAME);
        return routed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void injectBeanRegistry(BeanRegistry beanRegistry) {
        this.beans = beanRegistry;
    }

    @Override
    public void configure(Map<String, ?> properties) {
        Object wanted = properties.get(MODE);
        if (wanted == null) {
            throw new ConnectException("Snapshot mode " + NAME + " needs " + MODE + ": the capture sets it; do not set"
                    + " snapshot.mode.custom.name=" + NAME + " by hand.");
        }
        List<Snapshotter> found = StreamSupport.stream(ServiceLoader.load(Snapshotter.class).spliterator(), false)
                .filter(s -> s.name().equalsIgnoreCase(wanted.toString()) && !(s instanceof ExactNameSnapshotter)).toList();
        if (found.size() != 1) {
            throw new ConnectException("Debezium's snapshot mode '" + wanted + "' is " + (found.isEmpty() ? "not" : "more than once")
                    + " in the plugin; reinstall the plugin archive as shipped.");
        }
        mode = found.get(0);
        if (mode instanceof BeanRegistryAware aware) {
            aware.injectBeanRegistry(beans);
        }
        mode.configure(properties);
        installParser();
    }

    /**
     * Debezium asks its first question (whether to stream, when it checks the binary log settings) after building its
     * database schema and before recovering or snapshotting any DDL: the parser must be in place by then.
     */
    private Snapshotter mode() {
        installParser();
        if (!installed) {
            throw new ConnectException("Debezium consulted the snapshot mode before building its database schema, so the"
                    + " capture could not give it the parser that reads names holding a backtick exactly. This Debezium"
                    + " version is not the one the plugin was built with; reinstall the plugin archive as shipped.");
        }
        return mode;
    }

    private void installParser() {
        if (!installed && beans != null) {
            installed = ExactNameParsers.install(beans);
        }
    }

    @Override
    public boolean shouldSnapshotData(boolean offsetExists, boolean snapshotInProgress) {
        return mode().shouldSnapshotData(offsetExists, snapshotInProgress);
    }

    @Override
    public boolean shouldSnapshotSchema(boolean offsetExists, boolean snapshotInProgress) {
        return mode().shouldSnapshotSchema(offsetExists, snapshotInProgress);
    }

    @Override
    public boolean shouldStream() {
        return mode().shouldStream();
    }

    @Override
    public boolean shouldSnapshotOnSchemaError() {
        return mode().shouldSnapshotOnSchemaError();
    }

    @Override
    public boolean shouldSnapshotOnDataError() {
        return mode().shouldSnapshotOnDataError();
    }

    @Override
    public boolean shouldStreamEventsStartingFromSnapshot() {
        return mode().shouldStreamEventsStartingFromSnapshot();
    }

    @Override
    public void snapshotCompleted() {
        mode().snapshotCompleted();
    }

    @Override
    public void snapshotAborted() {
        mode().snapshotAborted();
    }
}
