package io.mysqlmigrate.sink.event;

/**
 * A record without a value: Kafka's mark that a key's earlier records may be compacted away. It carries no change (the
 * delete before it does), so the sink consumes it by design: it moves the partition's offset and is counted as
 * skipped, never as applied. This product's source never writes one ({@code tombstones.on.delete=false}); a topic
 * written by a stock Debezium connector has one after every delete.
 *
 * <p>What this product writes to a database topic is row changes, schema changes and transaction boundaries, nothing
 * else: Debezium's heartbeats go to its own heartbeat topic, the source's heartbeat table changes are kept out of the
 * topics, and the completion marker goes to the migration's status topic.
 */
public record Tombstone(long offset) implements ChangeEvent {
}
