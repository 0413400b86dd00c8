package io.mysqlmigrate.source;

import io.mysqlmigrate.connect.SettingValidator;
import io.mysqlmigrate.dialect.TlsSettings;
import io.mysqlmigrate.source.capture.CaptureSettings;
import io.mysqlmigrate.source.capture.SourceEndpoint;
import io.mysqlmigrate.source.objects.AccountCatalog;
import io.mysqlmigrate.source.objects.ObjectSettings;
import io.mysqlmigrate.source.onlineddl.OnlineSchemaChanges;
import io.mysqlmigrate.source.phase.MigrationType;
import io.mysqlmigrate.throttle.Throttle;
import io.mysqlmigrate.source.selection.OperationFilter;
import io.mysqlmigrate.source.selection.RowFilterSettings;
import io.mysqlmigrate.source.selection.TableName;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * Every setting of the source connector: name, type, default, validation and documentation, defined once. The
 * docs, the validation and the CLI read this definition; nothing restates a setting elsewhere.
 */
public final class MigrationSourceConfig extends AbstractConfig {

    public static final String GROUP_SOURCE = "Source database";
    public static final String GROUP_MIGRATION = "Migration";
    public static final String GROUP_KAFKA = "Kafka";
    public static final String GROUP_THROTTLING = "Throttling";
    public static final String GROUP_ADVANCED = "Advanced";

    public static final String SOURCE_HOSTNAME = "source.hostname";
    public static final String SOURCE_PORT = "source.port";
    public static final String SOURCE_USER = "source.user";
    public static final String SOURCE_PASSWORD = "source.password";
    public static final String SOURCE_SERVER_ID = "source.server.id";
    public static final String SOURCE_SSL_MODE = "source.ssl.mode";
    public static final String SOURCE_SSL_CA = "source.ssl.ca";
    public static final String MIGRATION_TYPES = "migration.types";
    public static final String DATABASES_INCLUDE = "databases.include";
    public static final String TABLES_INCLUDE = "tables.include";
    public static final String TABLES_EXCLUDE = "tables.exclude";
    public static final String COLUMNS_INCLUDE = "columns.include";
    public static final String COLUMNS_EXCLUDE = "columns.exclude";
    public static final String ROW_FILTERS = "row.filters";
    public static final String INCREMENTAL_OPERATIONS = "incremental.operations";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String SCHEMA_HISTORY_TOPIC = "schema.history.topic";
    public static final String LOST_POSITION_ACTION = "lost.position.action";
    public static final String ONLINE_DDL_MODE = "online.ddl.mode";
    public static final String ONLINE_DDL_SHADOW_PATTERN = "online.ddl.shadow.pattern";
    public static final String ONLINE_DDL_TRASH_PATTERN = "online.ddl.trash.pattern";
    public static final String OBJECTS_SYNC_INTERVAL_MS = "objects.sync.interval.ms";
    public static final String TRIGGERS_POLICY = "triggers.policy";
    public static final String ACCOUNTS_INCLUDE = "accounts.include";
    public static final String EVENTS_MIGRATE = "events.migrate";
    public static final String THROTTLE_FULL_ROWS_PER_SECOND = "throttle.full.rows.per.second";
    public static final String THROTTLE_FULL_MEGABYTES_PER_SECOND = "throttle.full.megabytes.per.second";
    public static final String THROTTLE_INCREMENTAL_ROWS_PER_SECOND = "throttle.incremental.rows.per.second";
    public static final String THROTTLE_INCREMENTAL_MEGABYTES_PER_SECOND = "throttle.incremental.megabytes.per.second";
    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final String HEARTBEAT_TABLE = "heartbeat.table";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String BINLOG_KEEPALIVE_INTERVAL_MS = "binlog.keepalive.interval.ms";
    /** Settings under this prefix go to the Debezium connector underneath as they are, overriding ours. */
    public static final String DEBEZIUM_PASSTHROUGH_PREFIX = "debezium.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SOURCE_HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Host name or IP address of the source MySQL or MariaDB server.", GROUP_SOURCE, 1, Width.MEDIUM, "Source host")
            .define(SOURCE_PORT, Type.INT, 3306, ConfigDef.Range.between(1, 65535), Importance.HIGH,
                    "TCP port of the source server.", GROUP_SOURCE, 2, Width.SHORT, "Source port")
            .define(SOURCE_USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Account on the source. Needs SELECT on the migrated objects; incremental migration also needs "
                            + "REPLICATION SLAVE and REPLICATION CLIENT (BINLOG MONITOR on MariaDB).",
                    GROUP_SOURCE, 3, Width.MEDIUM, "Source user")
            .define(SOURCE_PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                    "Password of the source account.", GROUP_SOURCE, 4, Width.MEDIUM, "Source password")
            .define(SOURCE_SERVER_ID, Type.INT, null, SettingValidator.of(MigrationSourceConfig::checkServerId,
                            "a positive integer, unique among the source's replicas"), Importance.MEDIUM,
                    "Server id this connector uses when it reads the binary log like a replica. Must differ from every "
                            + "server and replica of the source. When unset it is derived from the connector name.",
                    GROUP_SOURCE, 5, Width.SHORT, "Replica server id")
            .define(SOURCE_SSL_MODE, Type.STRING, "disabled", ConfigDef.CaseInsensitiveValidString.in(TlsSettings.MODES), Importance.MEDIUM,
                    "TLS for every connection to the source (Debezium's snapshot and binary log reads, and the task's own): "
                            + "disabled; required (encrypted, the server's certificate not checked); verify_ca (encrypted, the "
                            + "certificate must be signed by " + SOURCE_SSL_CA + ").",
                    GROUP_SOURCE, 6, Width.SHORT, "Source TLS")
            .define(SOURCE_SSL_CA, Type.STRING, "", Importance.MEDIUM,
                    "The CA certificate that signed the source's certificate, as PEM: the text itself, or the path of a PEM "
                            + "file on every worker (for Amazon RDS, its region's certificate bundle). Needed for verify_ca.",
                    GROUP_SOURCE, 7, Width.LONG, "Source CA certificate")
            .define(MIGRATION_TYPES, Type.LIST, "schema,full,incremental", SettingValidator.of(MigrationSourceConfig::parseMigrationTypes,
                            "a non-empty combination of schema, full and incremental"), Importance.HIGH,
                    "Which DTS migration types to run, as a comma-separated list of schema, full and incremental. "
                            + "schema,full,incremental is the zero-downtime move and runs until stopped. Without incremental "
                            + "the migration finishes by itself: once everything is in Kafka the task stops reading the "
                            + "source and records 'completed' in its offsets (GET /connectors/<name>/offsets) and in its "
                            + "metrics. Without schema the destination tables must already exist.",
                    GROUP_MIGRATION, 1, Width.MEDIUM, "Migration types")
            .define(DATABASES_INCLUDE, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, SettingValidator.of(MigrationSourceConfig::checkDatabases,
                            "a non-empty list"), Importance.HIGH,
                    "Source databases to migrate, comma-separated. Each gets its own topic '<topic.prefix>.<database>'.",
                    GROUP_MIGRATION, 2, Width.LONG, "Databases")
            .define(TABLES_INCLUDE, Type.LIST, "", Importance.MEDIUM,
                    "Tables to migrate as 'database.table', comma-separated; regular expressions are allowed. "
                            + "Empty means every table of the selected databases.",
                    GROUP_MIGRATION, 3, Width.LONG, "Tables")
            .define(TABLES_EXCLUDE, Type.LIST, "", Importance.MEDIUM,
                    "Tables left out of the migration, as 'database.table' regular expressions, comma-separated. Applied "
                            + "after " + TABLES_INCLUDE + ": a table both includes and excludes is left out.",
                    GROUP_MIGRATION, 4, Width.LONG, "Excluded tables")
            .define(COLUMNS_INCLUDE, Type.LIST, "", Importance.LOW,
                    "Columns to migrate, as 'database.table.column' regular expressions, comma-separated; columns of a "
                            + "selected table that match none are left out of every row. Empty means all columns. Schema "
                            + "migration still creates the left-out columns on the destination, where they take their "
                            + "default: give a NOT NULL column without default one, or create the table beforehand.",
                    GROUP_MIGRATION, 5, Width.LONG, "Columns")
            .define(COLUMNS_EXCLUDE, Type.LIST, "", Importance.LOW,
                    "Columns left out of every row, as 'database.table.column' regular expressions, comma-separated; "
                            + "applied after " + COLUMNS_INCLUDE + ". The same note on schema migration applies.",
                    GROUP_MIGRATION, 6, Width.LONG, "Excluded columns")
            .define(ROW_FILTERS, Type.STRING, "", SettingValidator.of(RowFilterSettings::parse,
                            "'database.table WHERE condition' entries separated by ';'"), Importance.MEDIUM,
                    "Row filters, as 'database.table WHERE condition' entries separated by ';'. The snapshot selects with "
                            + "the condition; the stream evaluates the same condition on each row image, so the destination "
                            + "holds exactly the rows the condition keeps (an update that moves a row into the condition "
                            + "arrives as an insert, one that moves it out as a delete). Conditions may use comparisons "
                            + "(= <> != < <= > >= <=>), AND, OR, NOT, IN, BETWEEN, LIKE, IS NULL, + - * / % over the table's "
                            + "columns and literals; text compares under the column's collation and TIMESTAMP columns in "
                            + "the source's time zone. Functions and subqueries are refused, naming the table and the condition.",
                    GROUP_MIGRATION, 7, Width.LONG, "Row filters")
            .define(INCREMENTAL_OPERATIONS, Type.LIST, "", SettingValidator.of(OperationFilter::parse, "'object=op+op' entries; "
                            + "operations insert, update, delete, create, alter, drop, rename, truncate, dml, ddl, all, none"), Importance.MEDIUM,
                    "Which operations incremental migration applies per database or table, as 'object=op+op' entries, "
                            + "comma-separated: for example 'shop=dml+create+alter, shop.audit_log=insert'. Operations: insert, "
                            + "update, delete, create, alter, drop, rename, truncate, or dml, ddl, all, none. A table's entry "
                            + "wins over its database's; objects without an entry keep every operation. The snapshot is not "
                            + "affected.",
                    GROUP_MIGRATION, 8, Width.LONG, "Incremental operations")
            .define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, SettingValidator.of(MigrationSourceConfig::checkTopicPrefix,
                            "letters, digits, '.', '_' and '-'"), Importance.HIGH,
                    "Logical name of this source. Topics are named '<topic.prefix>.<database>'; offsets are kept under "
                            + "this name, so changing it starts the migration over.",
                    GROUP_KAFKA, 1, Width.MEDIUM, "Topic prefix")
            .define(KAFKA_BOOTSTRAP_SERVERS, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka bootstrap servers where the connector keeps the source's schema history (usually the "
                            + "Connect worker's own cluster).", GROUP_KAFKA, 2, Width.LONG, "Kafka bootstrap servers")
            .define(SCHEMA_HISTORY_TOPIC, Type.STRING, null, Importance.LOW,
                    "Topic of the source's schema history. When unset: '_mysql_migrate.<topic.prefix>.schema_history', "
                            + "outside the '<topic.prefix>.' namespace so it can never be mistaken for a database topic. "
                            + "It must not be shared with another connector.", GROUP_KAFKA, 3, Width.LONG, "Schema history topic")
            .define(LOST_POSITION_ACTION, Type.STRING, "fail", ConfigDef.CaseInsensitiveValidString.in("fail", "snapshot"),
                    Importance.MEDIUM,
                    "What the task does when the binary log position it resumes from has been purged from the source. "
                            + "fail: stop, naming the lost position (nothing after it can be read, and going on would leave a "
                            + "silent gap). snapshot: start over with a fresh snapshot of the selected tables and follow the "
                            + "binary log from there; it acts only when the position is lost, so it can stay set.",
                    GROUP_MIGRATION, 9, Width.SHORT, "On a lost binlog position")
            .define(ONLINE_DDL_MODE, Type.STRING, "replay", ConfigDef.CaseInsensitiveValidString.in("replay", "copy"), Importance.MEDIUM,
                    "How online schema changes (gh-ost and tools like it) are migrated. replay: the shadow and trash tables "
                            + "stay out of the topics, and at the cut-over RENAME the ALTERs made on the shadow table are applied to "
                            + "the real table, whose own changes kept flowing. copy: the shadow tables, their rows and the RENAME "
                            + "are migrated as they happened (with a table selection, include the shadow tables). "
                            + "A pt-online-schema-change swap is refused in both modes, naming the table.",
                    GROUP_MIGRATION, 10, Width.SHORT, "Online DDL mode")
            .define(ONLINE_DDL_SHADOW_PATTERN, Type.STRING, "^_(.+)_(?:gho|new)$", tablePatternValidator(), Importance.LOW,
                    "Regular expression of shadow table names; its first group is the real table's name.",
                    GROUP_MIGRATION, 11, Width.MEDIUM, "Online DDL shadow tables")
            .define(ONLINE_DDL_TRASH_PATTERN, Type.STRING, "^_(.+)_(?:ghc|del|old)$", tablePatternValidator(), Importance.LOW,
                    "Regular expression of the tool's other tables (change logs, the swapped-out original).",
                    GROUP_MIGRATION, 12, Width.MEDIUM, "Online DDL trash tables")
            .define(OBJECTS_SYNC_INTERVAL_MS, Type.INT, 5000, ConfigDef.Range.between(0, 3_600_000), Importance.LOW,
                    "Views, procedures and functions (whose DDL Debezium does not report) are migrated once the schema is, "
                            + "with the DEFINER left out and SQL SECURITY INVOKER as DTS does; during incremental migration the "
                            + "source is checked this often (ms) and created, changed and dropped ones follow. 0 stops the "
                            + "checks. Triggers are held back for the cut-over, so rows the source's triggers wrote are not "
                            + "written twice. As in DTS, a selection of tables (" + TABLES_INCLUDE + ") migrates those tables only, "
                            + "without the databases' views, routines, triggers and events.",
                    GROUP_MIGRATION, 13, Width.SHORT, "Views and routines check (ms)")
            .define(TRIGGERS_POLICY, Type.STRING, "cutover", ConfigDef.CaseInsensitiveValidString.in("cutover", "immediate"),
                    Importance.MEDIUM,
                    "When the source's triggers reach the destination. cutover: held back, and created by the cut-over, "
                            + "since the rows a source trigger writes arrive through the binary log anyway. immediate: created with "
                            + "the schema (and kept in step like views), each body guarded so it does nothing for the sink's own "
                            + "writes (the sink's sessions set " + io.mysqlmigrate.dialect.SinkSession.MARK + ") while other writes on the "
                            + "destination fire it.",
                    GROUP_MIGRATION, 16, Width.SHORT, "Triggers")
            .define(ACCOUNTS_INCLUDE, Type.LIST, "", SettingValidator.of(MigrationSourceConfig::parseAccounts, "user@host entries"),
                    Importance.LOW,
                    "DTS's 'migrate accounts': accounts to create on the destination with their grants, as user@host "
                            + "entries, comma-separated, with the schema. Passwords travel as the source's hashes (SHOW CREATE USER), "
                            + "so they work between servers of one flavour; an account already on the destination keeps its "
                            + "password and gains the grants. Grants name the source's databases (name.mapping does not apply). "
                            + "The destination account needs CREATE USER and, for each privilege granted, the privilege WITH "
                            + "GRANT OPTION; the source account needs to read mysql.*.",
                    GROUP_MIGRATION, 18, Width.LONG, "Accounts")
            .define(EVENTS_MIGRATE, Type.BOOLEAN, false, Importance.LOW,
                    "Migrate the source's events, created DISABLED on the destination so they do not run twice; the "
                            + "cut-over enables them.",
                    GROUP_MIGRATION, 17, Width.SHORT, "Events")
            .define(HEARTBEAT_INTERVAL_MS, Type.INT, 0, ConfigDef.Range.between(0, 600_000), Importance.MEDIUM,
                    "DTS's heartbeat: every this many milliseconds a row in " + HEARTBEAT_TABLE + " on the source gets the source's "
                            + "clock. It keeps the resume position moving on a quiet source and measures the delay to the "
                            + "millisecond (the DelayMillis metric); the heartbeat's changes stay out of the database topics. "
                            + "Needs CREATE, INSERT and UPDATE on the heartbeat table's database. 0 turns it off; the delay "
                            + "then comes from binary log timestamps (1 s resolution).",
                    GROUP_MIGRATION, 14, Width.SHORT, "Heartbeat interval (ms)")
            .define(HEARTBEAT_TABLE, Type.STRING, "mysql_migrate.heartbeat", SettingValidator.of(TableName::parse, "database.table"),
                    Importance.LOW,
                    "The source table heartbeats write to, as 'database.table'; created when missing. Several migrations "
                            + "from one source share it, one row each.",
                    GROUP_MIGRATION, 15, Width.MEDIUM, "Heartbeat table")
            .define(THROTTLE_FULL_ROWS_PER_SECOND, Type.DOUBLE, 0.0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Most snapshot rows read from the source per second (full migration); 0 = no cap. Debezium reads each "
                            + "table with one streaming SELECT, which waits while the task holds back, so the cap paces the "
                            + "source's reads. Change it on a running connector with PUT /connectors/<name>/config.",
                    GROUP_THROTTLING, 1, Width.SHORT, "Full load rows/s")
            .define(THROTTLE_FULL_MEGABYTES_PER_SECOND, Type.DOUBLE, 0.0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Most megabytes of snapshot row data per second (full migration); 0 = no cap.",
                    GROUP_THROTTLING, 2, Width.SHORT, "Full load MB/s")
            .define(THROTTLE_INCREMENTAL_ROWS_PER_SECOND, Type.DOUBLE, 0.0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Most changed rows per second read from the binary log (incremental migration); 0 = no cap. A capped "
                            + "stream falls behind a faster source; the delay metric shows by how much.",
                    GROUP_THROTTLING, 3, Width.SHORT, "Incremental rows/s")
            .define(THROTTLE_INCREMENTAL_MEGABYTES_PER_SECOND, Type.DOUBLE, 0.0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Most megabytes of changed row data per second (incremental migration); 0 = no cap.",
                    GROUP_THROTTLING, 4, Width.SHORT, "Incremental MB/s")
            .define(POLL_INTERVAL_MS, Type.LONG, 5L, ConfigDef.Range.between(1, 60_000), Importance.LOW,
                    "How long the capture waits for more events before it hands a batch that is not full to Kafka: it waits that long "
                            + "even when events are there, so this is added to the delay of a quiet stream (measured: 50 ms made "
                            + "the median delay 56 ms at 200 tx/s, 5 ms made it 15 ms).",
                    GROUP_ADVANCED, 1, Width.SHORT, "Poll interval (ms)")
            .define(MAX_BATCH_SIZE, Type.INT, 4096, ConfigDef.Range.between(1, 1_000_000), Importance.LOW,
                    "Most change events handed to Kafka per poll.", GROUP_ADVANCED, 2, Width.SHORT, "Max batch size")
            .define(BINLOG_KEEPALIVE_INTERVAL_MS, Type.INT, 5000, ConfigDef.Range.between(1000, 600_000), Importance.LOW,
                    "How soon a lost binary log connection is re-established. The binary log reader asks the source to send a "
                            + "heartbeat event after 0.8 times this much silence, checks every this many milliseconds whether it "
                            + "received anything (events or heartbeats) within the last interval, and if not drops the connection "
                            + "and reconnects from where it was: a connection the source ended (KILL of the Binlog Dump thread, "
                            + "a restart, a network failure) is back 1 to 2 intervals later (measured after a KILL: 7-9 s with "
                            + "5000 on MariaDB and MySQL sources, 119 s with the reader's own default of 60000). A stream held back longer than this (a throttle cap or a slow "
                            + "sink filling the capture's queue) also reads as silent and is reconnected once it moves again, which "
                            + "loses nothing. Each loss is logged as a warning naming the source and shows in the task's "
                            + "BinlogConnected, BinlogDisconnectedSeconds and BinlogReconnects metrics.",
                    GROUP_ADVANCED, 3, Width.SHORT, "Binlog keep-alive interval (ms)");

    public MigrationSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    public String hostname() {
        return getString(SOURCE_HOSTNAME);
    }

    public int port() {
        return getInt(SOURCE_PORT);
    }

    public String user() {
        return getString(SOURCE_USER);
    }

    public Password password() {
        return getPassword(SOURCE_PASSWORD);
    }

    public TlsSettings tls() {
        return TlsSettings.of(getString(SOURCE_SSL_MODE), getString(SOURCE_SSL_CA));
    }

    /** How to reach the source server. */
    public SourceEndpoint sourceEndpoint() {
        return new SourceEndpoint(hostname(), port(), user(), password(), tls());
    }

    /** The settings Debezium's capture is configured from, for the connector of this name (its server id derives from it). */
    public CaptureSettings captureSettings(String connectorName) {
        return new CaptureSettings(sourceEndpoint(), serverId(connectorName), topicPrefix(), migrationTypes(), databases(), tables(),
                tablesExcluded(), columnsIncluded(), columnsExcluded(), rowFilters(), heartbeatIntervalMs(),
                heartbeatIntervalMs() > 0 ? heartbeatTable() : null, kafkaBootstrapServers(), schemaHistoryTopic(),
                binlogKeepAliveIntervalMs(), pollIntervalMs(), captureBatchSize(), maxBatchSize(), debeziumOverrides());
    }

    /** What of the source's views, routines, triggers, events and accounts this migration carries over. */
    public ObjectSettings objectSettings() {
        Set<MigrationType> types = migrationTypes();
        return new ObjectSettings(databases(), tables().isEmpty(), triggersImmediately(), migrateEvents(), accounts(),
                types.contains(MigrationType.SCHEMA), types.contains(MigrationType.INCREMENTAL), objectsSyncIntervalMs());
    }

    public Set<MigrationType> migrationTypes() {
        return parseMigrationTypes(getList(MIGRATION_TYPES));
    }

    public List<String> databases() {
        return getList(DATABASES_INCLUDE);
    }

    public List<String> tables() {
        return getList(TABLES_INCLUDE);
    }

    public List<String> tablesExcluded() {
        return getList(TABLES_EXCLUDE);
    }

    public List<String> columnsIncluded() {
        return getList(COLUMNS_INCLUDE);
    }

    public List<String> columnsExcluded() {
        return getList(COLUMNS_EXCLUDE);
    }

    public Map<TableName, RowCondition> rowFilters() {
        return RowFilterSettings.parse(getString(ROW_FILTERS));
    }

    public OperationFilter incrementalOperations() {
        return OperationFilter.parse(getList(INCREMENTAL_OPERATIONS));
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public String kafkaBootstrapServers() {
        return getString(KAFKA_BOOTSTRAP_SERVERS);
    }

    public String schemaHistoryTopic() {
        String topic = getString(SCHEMA_HISTORY_TOPIC);
        return topic != null ? topic : "_mysql_migrate." + topicPrefix() + ".schema_history";
    }

    /** The configured server id, or a stable one derived from the connector name (in 5400..1,005,399). */
    public int serverId(String connectorName) {
        Integer id = getInt(SOURCE_SERVER_ID);
        if (id != null) {
            return id;
        }
        return 5400 + Math.floorMod((connectorName == null ? topicPrefix() : connectorName).hashCode(), 1_000_000);
    }

    /** True when a lost binary log position is recovered with a fresh snapshot rather than a failure. */
    public boolean snapshotOnLostPosition() {
        return "snapshot".equalsIgnoreCase(getString(LOST_POSITION_ACTION));
    }

    public OnlineSchemaChanges onlineSchemaChanges(OnlineSchemaChanges.PendingAlters pending) {
        return new OnlineSchemaChanges(OnlineSchemaChanges.Mode.valueOf(getString(ONLINE_DDL_MODE).toUpperCase(java.util.Locale.ROOT)),
                tablePattern(getString(ONLINE_DDL_SHADOW_PATTERN)), tablePattern(getString(ONLINE_DDL_TRASH_PATTERN)), pending);
    }

    public int objectsSyncIntervalMs() {
        return getInt(OBJECTS_SYNC_INTERVAL_MS);
    }

    public Throttle fullLoadThrottle() {
        return Throttle.system(getDouble(THROTTLE_FULL_ROWS_PER_SECOND), getDouble(THROTTLE_FULL_MEGABYTES_PER_SECOND) * 1_000_000);
    }

    public Throttle incrementalThrottle() {
        return Throttle.system(getDouble(THROTTLE_INCREMENTAL_ROWS_PER_SECOND),
                getDouble(THROTTLE_INCREMENTAL_MEGABYTES_PER_SECOND) * 1_000_000);
    }

    /**
     * Debezium's batch size under a rows/s cap: about a tenth of a second's worth of rows, so the task never sleeps
     * long for one batch (a stop waits for the sleep) and the pace stays even.
     */
    public int captureBatchSize() {
        double tightest = Double.MAX_VALUE;
        for (String cap : List.of(THROTTLE_FULL_ROWS_PER_SECOND, THROTTLE_INCREMENTAL_ROWS_PER_SECOND)) {
            if (getDouble(cap) > 0) {
                tightest = Math.min(tightest, getDouble(cap));
            }
        }
        return tightest == Double.MAX_VALUE ? maxBatchSize() : (int) Math.max(1, Math.min(maxBatchSize(), Math.ceil(tightest / 10)));
    }

    public boolean triggersImmediately() {
        return "immediate".equalsIgnoreCase(getString(TRIGGERS_POLICY));
    }

    public List<AccountCatalog.Account> accounts() {
        return parseAccounts(getList(ACCOUNTS_INCLUDE));
    }

    public boolean migrateEvents() {
        return getBoolean(EVENTS_MIGRATE);
    }

    public int heartbeatIntervalMs() {
        return getInt(HEARTBEAT_INTERVAL_MS);
    }

    public TableName heartbeatTable() {
        return TableName.parse(getString(HEARTBEAT_TABLE));
    }

    public long pollIntervalMs() {
        return getLong(POLL_INTERVAL_MS);
    }

    public int binlogKeepAliveIntervalMs() {
        return getInt(BINLOG_KEEPALIVE_INTERVAL_MS);
    }

    public int maxBatchSize() {
        return getInt(MAX_BATCH_SIZE);
    }

    public Map<String, Object> debeziumOverrides() {
        return originalsWithPrefix(DEBEZIUM_PASSTHROUGH_PREFIX);
    }

    // The functions below read a setting where it is used and check it in CONFIG_DEF (SettingValidator): one parse each.

    private static void checkServerId(Integer id) {
        if (id != null && id < 1) {
            throw new IllegalArgumentException("A server id must be a positive number");
        }
    }

    private static Set<MigrationType> parseMigrationTypes(List<String> list) {
        Set<MigrationType> types = MigrationType.parseAll(list);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("Name at least one migration type: schema, full or incremental");
        }
        return types;
    }

    private static List<AccountCatalog.Account> parseAccounts(List<String> entries) {
        return entries.stream().filter(a -> !a.isBlank()).map(AccountCatalog.Account::parse).toList();
    }

    /** A shadow or trash table pattern: a regular expression whose first group is the real table's name. */
    private static Pattern tablePattern(String regex) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Not a regular expression: " + e.getDescription());
        }
        if (p.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("The pattern needs a group, as in ^_(.+)_gho$");
        }
        return p;
    }

    private static ConfigDef.Validator tablePatternValidator() {
        return SettingValidator.of(MigrationSourceConfig::tablePattern, "a regular expression with a group");
    }

    private static void checkDatabases(List<String> list) {
        if (list == null || list.isEmpty() || list.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("Name at least one database to migrate");
        }
    }

    private static void checkTopicPrefix(String prefix) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("Use only letters, digits, '.', '_' and '-' (it becomes part of topic names)");
        }
    }
}
