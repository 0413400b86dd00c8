package io.mysqlmigrate.source.capture;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The worker's task context as the Debezium task underneath should see it: the same offsets (or none, when a lost
 * position is recovered by starting over), but Debezium's own configuration instead of ours.
 */
public final class DelegatingTaskContext implements SourceTaskContext {

    private final SourceTaskContext worker;
    private final Map<String, String> debeziumConfig;

    private final boolean startOver;

    public DelegatingTaskContext(SourceTaskContext worker, Map<String, String> debeziumConfig) {
        this(worker, debeziumConfig, false);
    }

    /** @param startOver hide the stored offsets from Debezium, so it starts as on a new migration */
    public DelegatingTaskContext(SourceTaskContext worker, Map<String, String> debeziumConfig, boolean startOver) {
        this.worker = worker;
        this.debeziumConfig = Map.copyOf(debeziumConfig);
        this.startOver = startOver;
    }

    @Override
    public Map<String, String> configs() {
        return debeziumConfig;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        if (!startOver) {
            return worker.offsetStorageReader();
        }
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return null;
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> none = new HashMap<>();
                partitions.forEach(p -> none.put(p, null));
                return none;
            }
        };
    }

    @Override
    public TransactionContext transactionContext() {
        return worker.transactionContext();
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return worker.pluginMetrics();
    }
}
