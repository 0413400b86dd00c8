package io.mysqlmigrate.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** The part of Connect's runtime a sink task talks to, recording the seeks it asks for. */
public final class RecordingSinkTaskContext implements SinkTaskContext {

    public final Map<TopicPartition, Long> seeks = new HashMap<>();
    /** Records reported to the dead-letter queue; null when the context has no queue, as with errors.tolerance=none. */
    public final List<SinkRecord> deadLetters;
    public long lastTimeoutMs = -1;

    public RecordingSinkTaskContext() {
        this(false);
    }

    public RecordingSinkTaskContext(boolean withDeadLetterQueue) {
        this.deadLetters = withDeadLetterQueue ? new ArrayList<>() : null;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        seeks.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        seeks.put(tp, offset);
    }

    @Override
    public void timeout(long timeoutMs) {
        lastTimeoutMs = timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (deadLetters == null) {
            return null;
        }
        return (record, error) -> {
            deadLetters.add(record);
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
