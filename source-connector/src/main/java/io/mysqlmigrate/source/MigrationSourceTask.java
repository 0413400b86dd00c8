package io.mysqlmigrate.source;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.source.capture.DebeziumSettings;
import io.mysqlmigrate.source.capture.DebeziumTaskFactory;
import io.mysqlmigrate.source.capture.DelegatingTaskContext;
import io.mysqlmigrate.source.capture.SourceServerProbe;
import io.mysqlmigrate.source.routing.DatabaseTopicRouter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Debezium's capture for the source's flavour and routes what it emits into one ordered topic per database.
 * Offsets are Debezium's own, stored by the worker as usual.
 */
public final class MigrationSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationSourceTask.class);

    private SourceTask capture;
    private DatabaseTopicRouter router;

    @Override
    public String version() {
        return MigrationSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        MigrationSourceConfig config = new MigrationSourceConfig(props);
        String connectorName = props.getOrDefault(MigrationSourceConnector.CONNECTOR_NAME_KEY, config.topicPrefix());
        SourceServerProbe.SourceServer source = SourceServerProbe.detect(config);
        ServerVersion server = source.version();
        LOG.info("Source {}:{} is {} (server {}); migration types {}", config.hostname(), config.port(), server, source.identity(),
                MigrationType.describe(config.migrationTypes()));
        Map<String, String> debezium = DebeziumSettings.from(config, server.flavour(), connectorName);
        router = new DatabaseTopicRouter(config.topicPrefix(), source.identity());
        capture = DebeziumTaskFactory.newTask(server.flavour());
        capture.initialize(new DelegatingTaskContext(context, debezium));
        capture.start(debezium);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return router.route(capture.poll());
    }

    @Override
    public void commit() throws InterruptedException {
        if (capture != null) {
            capture.commit();
        }
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        capture.commitRecord(record, metadata);
    }

    @Override
    public void stop() {
        if (capture != null) {
            capture.stop();
        }
    }
}
