package io.mysqlmigrate.sink;

import io.mysqlmigrate.sink.apply.PartitionApplier;
import io.mysqlmigrate.sink.apply.WriterPool;
import io.mysqlmigrate.sink.failure.FailureHandling;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.sink.retry.RetryRecords;
import io.mysqlmigrate.sink.state.AssignedPartitions;
import io.mysqlmigrate.sink.state.PartitionProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The task's live destination connection and what depends on its server, opened when needed (and again after a
 * connection failure closed it); the stored progress of assigned partitions is read through it.
 */
final class DestinationSession implements FailureHandling.Destination {

    private final SinkTaskFactory factory;
    private final SinkTaskMetrics metrics;
    private final RetryRecords retryRecords;
    private final AssignedPartitions partitions;
    /** Sends the consumer to the offsets stored in the destination. */
    private final Consumer<Map<TopicPartition, Long>> seek;
    private Connection connection;
    private SinkTaskFactory.Wired wired;
    /** The writers of the live connection; null once closed. */
    private WriterPool writers;

    DestinationSession(SinkTaskFactory factory, SinkTaskMetrics metrics, RetryRecords retryRecords, AssignedPartitions partitions,
                       Consumer<Map<TopicPartition, Long>> seek) {
        this.factory = factory;
        this.metrics = metrics;
        this.retryRecords = retryRecords;
        this.partitions = partitions;
        this.seek = seek;
    }

    /** The live destination connection, opened (with everything that depends on the server) when needed. */
    Connection connection() throws SQLException {
        if (connection != null && !connection.isClosed()) {
            return connection;
        }
        Connection opened = factory.open();
        try {
            closeWriters();
            wired = factory.wire(opened, metrics, retryRecords);
            writers = wired.writers();
        } catch (SQLException | RuntimeException e) {
            opened.close(); // published only once everything that depends on it is ready
            throw e;
        }
        connection = opened;
        return connection;
    }

    PartitionApplier applier() {
        return wired.applier();
    }

    /** Reads the stored progress of newly assigned partitions and seeks the consumer there. */
    void loadProgress() throws SQLException {
        if (partitions.loaded()) {
            return;
        }
        Connection c = connection();
        partitions.load(c, wired.progress(), seek);
    }

    @Override
    public long applyAndCommit(TopicPartition tp, List<SinkRecord> records, LongPredicate handled) throws SQLException {
        loadProgress();
        Connection c = connection();
        PartitionProgress after = wired.applier().apply(c, tp, records, partitions.applied(tp), handled);
        partitions.applied(tp, after);
        return after.nextOffset();
    }

    @Override
    public Connection open() throws SQLException {
        return factory.open();
    }

    /**
     * Undoes the failed attempt. The table structures the sink knows are forgotten too: the failure may come from a
     * destination table changed behind the sink's back, and the next attempt must see it as it is.
     */
    @Override
    public void rollback() {
        if (wired != null) {
            wired.tables().invalidate();
        }
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            close();
        }
    }

    @Override
    public void close() {
        closeWriters();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
        connection = null;
    }

    private void closeWriters() {
        if (writers != null) {
            writers.close();
            writers = null;
        }
    }
}
