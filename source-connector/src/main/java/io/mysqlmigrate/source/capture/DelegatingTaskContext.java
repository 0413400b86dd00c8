package io.mysqlmigrate.source.capture;

import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The worker's task context as the Debezium task underneath should see it: the same offsets, but Debezium's own
 * configuration instead of ours.
 */
public final class DelegatingTaskContext implements SourceTaskContext {

    private final SourceTaskContext worker;
    private final Map<String, String> debeziumConfig;

    public DelegatingTaskContext(SourceTaskContext worker, Map<String, String> debeziumConfig) {
        this.worker = worker;
        this.debeziumConfig = Map.copyOf(debeziumConfig);
    }

    @Override
    public Map<String, String> configs() {
        return debeziumConfig;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return worker.offsetStorageReader();
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
