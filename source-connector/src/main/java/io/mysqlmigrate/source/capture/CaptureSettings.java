package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.source.phase.MigrationType;
import io.mysqlmigrate.source.selection.TableName;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connector's settings that Debezium's capture is configured from ({@link DebeziumSettings}), read once from the
 * connector's config.
 *
 * @param heartbeatTable      the table the task writes beats to; read only when {@code heartbeatIntervalMs} is above 0
 * @param captureBatchSize    Debezium's batch size (smaller under a rows/s cap)
 * @param maxBatchSize        the connector's own batch size, which sizes Debezium's queue
 * @param debeziumOverrides   {@code debezium.} prefixed settings, without the prefix, applied last
 */
public record CaptureSettings(SourceEndpoint source, int serverId, String topicPrefix, Set<MigrationType> migrationTypes,
                              List<String> databases, List<String> tables, List<String> tablesExcluded,
                              List<String> columnsIncluded, List<String> columnsExcluded,
                              Map<TableName, RowCondition> rowFilters, int heartbeatIntervalMs, TableName heartbeatTable,
                              String kafkaBootstrapServers, String schemaHistoryTopic, int binlogKeepAliveIntervalMs,
                              long pollIntervalMs, int captureBatchSize, int maxBatchSize,
                              Map<String, Object> debeziumOverrides) {
}
