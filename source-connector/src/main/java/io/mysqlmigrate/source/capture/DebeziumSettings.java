package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.dialect.TlsSettings;
import io.mysqlmigrate.source.phase.MigrationType;
import io.mysqlmigrate.source.selection.TableName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates our connector's settings into the Debezium connector's. Besides the connection and the selection,
 * this fixes the settings that keep values exact and the stream complete; a user can still override any of them
 * with a {@code debezium.} prefixed setting, at their own risk.
 */
public final class DebeziumSettings {

    private DebeziumSettings() {
    }

    public static Map<String, String> from(CaptureSettings settings, Flavour flavour, String connectorName) {
        return from(settings, flavour, connectorName, Map.of(), null);
    }

    /** With the source's tables that have FLOAT columns, read exactly by the snapshot in the dialect's way. */
    public static Map<String, String> from(CaptureSettings settings, Flavour flavour, String connectorName,
                                           Map<TableName, SnapshotSelects.Columns> floatTables, SqlDialect dialect) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("connector.class", DebeziumTaskFactory.connectorClassName(flavour));
        p.put("name", connectorName);
        p.put("database.hostname", settings.source().hostname());
        p.put("database.port", Integer.toString(settings.source().port()));
        p.put("database.user", settings.source().user());
        p.put("database.password", settings.source().password().value());
        p.put("database.server.id", Integer.toString(settings.serverId()));
        p.put("topic.prefix", settings.topicPrefix());
        tls(p, settings.source().tls(), flavour);
        List<String> databases = new java.util.ArrayList<>(settings.databases().stream().map(DebeziumSettings::exactName).toList());
        List<String> tables = new java.util.ArrayList<>(nonBlank(settings.tables()));
        if (settings.heartbeatIntervalMs() > 0) {
            // The task writes the beats; Debezium reads their row changes like any other (for the delay; the task keeps
            // them out of the topics) and emits its heartbeat records, which carry the moving position to the offsets.
            TableName heartbeat = settings.heartbeatTable();
            p.put("heartbeat.interval.ms", Integer.toString(settings.heartbeatIntervalMs()));
            String database = exactName(heartbeat.database());
            if (!databases.contains(database)) {
                databases.add(database);
            }
            if (!tables.isEmpty()) {
                tables.add(exactName(heartbeat.database()) + "\\." + exactName(heartbeat.table()));
            }
        }
        p.put("database.include.list", String.join(",", databases));
        includeExclude(p, "table", tables, nonBlank(settings.tablesExcluded()));
        includeExclude(p, "column", nonBlank(settings.columnsIncluded()), nonBlank(settings.columnsExcluded()));
        p.putAll(SnapshotSelects.overrides(settings.rowFilters(), floatTables, dialect));
        p.put("snapshot.mode", snapshotMode(settings.migrationTypes()));

        // Kafka's schema history, refusing the statements Debezium's DDL parser misreads, before any row after them.
        p.put("schema.history.internal", CheckedSchemaHistory.class.getName());
        p.put("schema.history.internal.kafka.bootstrap.servers", settings.kafkaBootstrapServers());
        p.put("schema.history.internal.kafka.topic", settings.schemaHistoryTopic());
        // Only the selected databases' DDL: otherwise the snapshot sends every database's and creates their topics.
        p.put("schema.history.internal.store.only.captured.databases.ddl", "true");

        // The stream must carry everything the sink needs, in order: DDL, row changes, transaction boundaries.
        p.put("include.schema.changes", "true");
        p.put("provide.transaction.metadata", "true");
        p.put("skipped.operations", "none");
        p.put("tombstones.on.delete", "false");
        p.put("event.processing.failure.handling.mode", "fail");
        p.put("inconsistent.schema.handling.mode", "fail");

        // Exact values: no wrapping of BIGINT UNSIGNED, no rounding of DECIMAL, no year shifting, microseconds kept
        // and TIME values outside 00:00..24:00 kept.
        p.put("bigint.unsigned.handling.mode", "precise");
        p.put("decimal.handling.mode", "precise");
        p.put("enable.time.adjuster", "false");
        p.put("time.precision.mode", "adaptive_time_microseconds");
        p.put("binary.handling.mode", "bytes");

        // A lost binary log connection: the reader's keep-alive thread wakes every interval and reconnects when nothing
        // (no event, no server heartbeat, which the reader asks for at 0.8 times the interval) arrived for an interval.
        // The reader's default of 60 s left a killed connection down for 60-120 s; ours is in the ConfigDef.
        p.put("connect.keep.alive", "true");
        p.put("connect.keep.alive.interval.ms", Integer.toString(settings.binlogKeepAliveIntervalMs()));

        p.put("poll.interval.ms", Long.toString(settings.pollIntervalMs()));
        p.put("max.batch.size", Integer.toString(settings.captureBatchSize()));
        p.put("max.queue.size", Integer.toString(Math.max(8192, settings.maxBatchSize() * 4)));

        settings.debeziumOverrides().forEach((k, v) -> p.put(k, String.valueOf(v)));
        return p;
    }

    /**
     * TLS for Debezium's connections: its JDBC connection (MySQL's driver for MySQL, MariaDB's for MariaDB, which takes
     * the PEM CA directly) and its binary log client (which reads the trust store).
     */
    static void tls(Map<String, String> p, TlsSettings tls, Flavour flavour) {
        String mode = switch (tls.mode()) {
            case DISABLED -> flavour == Flavour.MARIADB ? "disable" : "disabled";
            case REQUIRED -> flavour == Flavour.MARIADB ? "trust" : "required";
            case VERIFY_CA -> flavour == Flavour.MARIADB ? "verify-ca" : "verify_ca";
        };
        p.put("database.ssl.mode", mode);
        if (tls.mode() == TlsSettings.Mode.VERIFY_CA) {
            TlsSettings.TrustStore store = tls.trustStore();
            p.put("database.ssl.truststore", store.path().toString());
            p.put("database.ssl.truststore.password", store.password());
            if (flavour == Flavour.MARIADB) {
                p.put("driver.serverSslCert", tls.caPem());
            }
        }
    }

    /**
     * DTS migration types expressed as Debezium's snapshot mode. The schema is always read (Debezium needs it to decode
     * the binary log); whether its DDL reaches the topics is decided by {@link io.mysqlmigrate.source.phase.MigrationTypeGate}.
     * Without incremental the capture is stopped by the task once the snapshot is in Kafka.
     */
    static String snapshotMode(Set<MigrationType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("No migration type selected");
        }
        if (types.contains(MigrationType.FULL)) {
            return types.contains(MigrationType.INCREMENTAL) ? "initial" : "initial_only";
        }
        return "no_data";
    }

    /**
     * Debezium takes an include list or an exclude list, never both. Both together become one include list whose
     * patterns refuse what an exclude pattern matches: {@code (?!(?:E1|E2)$)(?:I1)}. Debezium matches each pattern
     * against the whole name, so the look-ahead sees the whole name too.
     */
    static void includeExclude(Map<String, String> p, String kind, List<String> include, List<String> exclude) {
        if (include.isEmpty() && exclude.isEmpty()) {
            return;
        }
        if (exclude.isEmpty()) {
            p.put(kind + ".include.list", String.join(",", include));
        } else if (include.isEmpty()) {
            p.put(kind + ".exclude.list", String.join(",", exclude));
        } else {
            String refuse = "(?!(?:" + String.join("|", exclude) + ")$)";
            p.put(kind + ".include.list", String.join(",", include.stream().map(i -> refuse + "(?:" + i + ")").toList()));
        }
    }

    private static List<String> nonBlank(List<String> list) {
        return list.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Debezium's include lists are regular expressions; a database name must match itself only. */
    static String exactName(String database) {
        return java.util.regex.Pattern.quote(database.trim());
    }
}
