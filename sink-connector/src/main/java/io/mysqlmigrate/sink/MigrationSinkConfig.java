package io.mysqlmigrate.sink;

import io.mysqlmigrate.connect.SettingValidator;
import io.mysqlmigrate.sink.config.ConfigChoice;
import io.mysqlmigrate.sink.conflict.ConflictPolicies;
import io.mysqlmigrate.sink.conflict.FullLoadConflictPolicy;
import io.mysqlmigrate.sink.conflict.IncrementalConflictPolicy;
import io.mysqlmigrate.sink.conflict.NoPrimaryKeyPolicy;
import io.mysqlmigrate.sink.conflict.TableConflictPolicy;
import io.mysqlmigrate.sink.naming.NameCase;
import io.mysqlmigrate.sink.ddl.CollationMapping;
import io.mysqlmigrate.sink.naming.NameMapping;
import io.mysqlmigrate.dialect.TlsSettings;
import io.mysqlmigrate.throttle.Throttle;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Every setting of the sink connector, defined once: name, type, default, validation and documentation. Kafka
 * Connect's own settings (topics, tasks.max, errors.*) are Connect's and are not repeated here.
 */
public final class MigrationSinkConfig extends AbstractConfig {

    public static final String GROUP_DESTINATION = "Destination database";
    public static final String GROUP_APPLY = "Apply";
    public static final String GROUP_CONFLICTS = "Conflicts";
    public static final String GROUP_RETRIES = "Retries";
    public static final String GROUP_THROTTLING = "Throttling";
    public static final String GROUP_NAMES = "Object names";

    public static final String DESTINATION_HOSTNAME = "destination.hostname";
    public static final String DESTINATION_PORT = "destination.port";
    public static final String DESTINATION_USER = "destination.user";
    public static final String DESTINATION_PASSWORD = "destination.password";
    public static final String DESTINATION_SSL_MODE = "destination.ssl.mode";
    public static final String DESTINATION_SSL_CA = "destination.ssl.ca";
    public static final String STATE_DATABASE = "state.database";
    public static final String BATCH_MAX_ROWS = "batch.max.rows";
    public static final String CONFLICT_TABLE_POLICY = "conflict.table.policy";
    public static final String CONFLICT_FULL_LOAD_POLICY = "conflict.full.load.policy";
    public static final String CONFLICT_INCREMENTAL_POLICY = "conflict.incremental.policy";
    public static final String TABLES_WITHOUT_PRIMARY_KEY = "tables.without.primary.key";
    public static final String TRANSACTION_MAX_HELD_RECORDS = "transaction.max.held.records";
    public static final String APPLY_WRITERS = "apply.writers";
    public static final String THROTTLE_ROWS_PER_SECOND = "throttle.rows.per.second";
    public static final String THROTTLE_MEGABYTES_PER_SECOND = "throttle.megabytes.per.second";
    public static final String RETRY_CONNECTION_MINUTES = "retry.connection.minutes";
    public static final String RETRY_OTHER_MINUTES = "retry.other.minutes";
    public static final String NAME_MAPPING = "name.mapping";
    public static final String NAME_CASE = "name.case";
    public static final String COLLATION_MAPPING = "collation.mapping";
    public static final String CHARSET_MAPPING = "charset.mapping";

    /** {@code collation.mapping} and {@code charset.mapping}, checked by the parse {@link CollationMapping#of} reads them with. */
    private static ConfigDef.Validator mappingRules(String setting, String example) {
        return SettingValidator.of((String rules) -> CollationMapping.parse(setting, rules),
                "comma-separated source:destination, e.g. " + example);
    }

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(DESTINATION_HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Host name or IP address of the destination MySQL or MariaDB server.", GROUP_DESTINATION, 1, Width.MEDIUM, "Destination host")
            .define(DESTINATION_PORT, Type.INT, 3306, ConfigDef.Range.between(1, 65535), Importance.HIGH,
                    "TCP port of the destination server.", GROUP_DESTINATION, 2, Width.SHORT, "Destination port")
            .define(DESTINATION_USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Account on the destination. Needs CREATE, ALTER, DROP, INDEX, INSERT, UPDATE, DELETE on the migrated "
                            + "databases, and all privileges on the state database.", GROUP_DESTINATION, 3, Width.MEDIUM, "Destination user")
            .define(DESTINATION_PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                    "Password of the destination account.", GROUP_DESTINATION, 4, Width.MEDIUM, "Destination password")
            .define(DESTINATION_SSL_MODE, Type.STRING, "disabled", ConfigDef.CaseInsensitiveValidString.in(TlsSettings.MODES),
                    Importance.MEDIUM, "TLS for the sink's connections to the destination: disabled; required (encrypted, the "
                            + "server's certificate not checked); verify_ca (encrypted, the certificate must be signed by "
                            + DESTINATION_SSL_CA + ").", GROUP_DESTINATION, 20, Width.SHORT, "Destination TLS")
            .define(DESTINATION_SSL_CA, Type.STRING, "", Importance.MEDIUM,
                    "The CA certificate that signed the destination's certificate, as PEM: the text itself, or the path of "
                            + "a PEM file on every worker. Needed for verify_ca.", GROUP_DESTINATION, 21, Width.LONG,
                    "Destination CA certificate")
            .define(STATE_DATABASE, Type.STRING, "mysql_migrate", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Database on the destination where the sink keeps its progress: the Kafka offsets it has applied (in "
                            + "the same transaction as the rows) and the DDL it has applied. Created when missing.",
                    GROUP_APPLY, 1, Width.MEDIUM, "State database")
            .define(BATCH_MAX_ROWS, Type.INT, 1000, ConfigDef.Range.between(1, 50_000), Importance.LOW,
                    "Most rows in one multi-row INSERT or DELETE statement.", GROUP_APPLY, 2, Width.SHORT, "Rows per statement")
            .define(TRANSACTION_MAX_HELD_RECORDS, Type.INT, 100_000, ConfigDef.Range.between(0, 10_000_000), Importance.MEDIUM,
                    "Source transactions land atomically: the records of a transaction still open at the end of a batch "
                            + "are held back (in memory) until its END arrives, and the whole transaction commits at once, so "
                            + "a reader of the destination never sees half of one. A transaction with more records than this "
                            + "is applied in parts, with a warning. 0 commits at batch boundaries instead.",
                    GROUP_APPLY, 3, Width.SHORT, "Held records of an open transaction")
            .define(APPLY_WRITERS, Type.INT, 1, ConfigDef.Range.between(1, 16), Importance.MEDIUM,
                    "Destination connections a batch's rows are written over. 1 (the default) applies each batch in one "
                            + "transaction, so source transactions land whole. Above 1, batches of keyed upserts and deletes "
                            + "are spread by table and key (by table alone for tables with a secondary unique key, so rows "
                            + "that could conflict stay in order), each connection committing its share: faster where the "
                            + "destination has cores to spare, but a reader may see part of a source transaction for a moment. "
                            + "DDL and TRUNCATE stay barriers; a crash between the shares' commits re-applies the batch, "
                            + "which is idempotent.", GROUP_APPLY, 4, Width.SHORT, "Writer connections")
            .define(CONFLICT_TABLE_POLICY, Type.STRING, ConflictPolicies.DEFAULTS.table().configValue(),
                    ConfigChoice.validator(TableConflictPolicy.class), Importance.HIGH,
                    "When the snapshot creates a table that already exists on the destination (with the same columns): "
                            + "'precheck' stops the task if that table holds rows, naming it (DTS: precheck and report errors); "
                            + "'ignore' migrates into it, colliding rows settled by " + "conflict.full.load.policy"
                            + " (DTS: ignore errors and proceed). A table with other columns always stops the task.",
                    GROUP_CONFLICTS, 1, Width.SHORT, "Existing destination tables")
            .define(CONFLICT_FULL_LOAD_POLICY, Type.STRING, ConflictPolicies.DEFAULTS.fullLoad().configValue(),
                    ConfigChoice.validator(FullLoadConflictPolicy.class), Importance.MEDIUM,
                    "A snapshot row whose key already exists on the destination: 'keep-destination' leaves the destination's "
                            + "row (DTS's default), 'overwrite' replaces it, 'fail' stops the task naming the row.",
                    GROUP_CONFLICTS, 2, Width.SHORT, "Full-load row conflicts")
            .define(CONFLICT_INCREMENTAL_POLICY, Type.STRING, ConflictPolicies.DEFAULTS.incremental().configValue(),
                    ConfigChoice.validator(IncrementalConflictPolicy.class), Importance.MEDIUM,
                    "A streamed insert whose key already exists on the destination, or an update that would take a unique "
                            + "key value another destination row holds: 'overwrite' makes the destination match the source "
                            + "(DTS's default), 'fail' stops the task naming the rows. Updates of missing rows always insert "
                            + "them; deletes of missing rows do nothing.", GROUP_CONFLICTS, 3, Width.SHORT, "Incremental row conflicts")
            .define(TABLES_WITHOUT_PRIMARY_KEY, Type.STRING, ConflictPolicies.DEFAULTS.noPrimaryKey().configValue(),
                    ConfigChoice.validator(NoPrimaryKeyPolicy.class), Importance.MEDIUM,
                    "Rows of a table without a primary key: 'fail' stops the task naming the table; 'unique-key' identifies "
                            + "rows by the destination's first unique key on NOT NULL columns; 'all-columns' matches updates and "
                            + "deletes on the whole old row, one row at a time (a replayed insert can duplicate); 'append-only' "
                            + "inserts rows and ignores updates and deletes. All but 'fail' log a warning per table.",
                    GROUP_CONFLICTS, 4, Width.SHORT, "Tables without primary key")
            .define(RETRY_CONNECTION_MINUTES, Type.INT, 720, ConfigDef.Range.between(10, 1440), Importance.MEDIUM,
                    "How long the sink keeps retrying while the destination cannot be reached, before the task fails.",
                    GROUP_RETRIES, 1, Width.SHORT, "Connection retry window (min)")
            .define(RETRY_OTHER_MINUTES, Type.INT, 10, ConfigDef.Range.between(1, 1440), Importance.MEDIUM,
                    "How long the sink keeps retrying any other failure that may pass or that an operator can fix meanwhile "
                            + "(a deadlock or lock wait, a DDL or row the destination rejects, e.g. for a missing table) before the "
                            + "task fails naming the table, statement and source position. Must be less than "
                            + RETRY_CONNECTION_MINUTES + ". A record that can never apply (not a change event, a value that "
                            + "cannot convert or that the destination cannot hold) is not retried: it goes to Connect's "
                            + "dead-letter queue when errors.tolerance=all and errors.deadletterqueue.topic.name are set, else "
                            + "the task fails at once (docs/OPERATIONS.md).", GROUP_RETRIES, 2, Width.SHORT, "Other retry window (min)")
            .define(THROTTLE_ROWS_PER_SECOND, Type.DOUBLE, 0.0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Most rows per second the sink applies (0: no cap), to spare a busy destination. A configuration "
                            + "update through the REST API restarts the task with the new cap.",
                    GROUP_THROTTLING, 1, Width.SHORT, "Rows per second")
            .define(THROTTLE_MEGABYTES_PER_SECOND, Type.DOUBLE, 0.0, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Most megabytes of row data per second the sink applies (0: no cap), estimated from the values.",
                    GROUP_THROTTLING, 2, Width.SHORT, "Megabytes per second")
            .define(NAME_MAPPING, Type.STRING, "", SettingValidator.of(NameMapping::validate,
                            "rules db=newdb, db.table=newtable, db.table.column=newcolumn"), Importance.MEDIUM,
                    "Object name mapping: comma-separated rules source=destination, where the source is a database "
                            + "('shop=shop_v2'), a table ('shop.orders=orders_2024') or a column ('shop.orders.amt=amount') "
                            + "with its source names, and the destination is the new name of that last part (a table follows "
                            + "its database's mapping). Names holding dots, commas or '=' go in backquotes. Rows, DDL statements "
                            + "(rewritten with the MySQL/MariaDB grammar) and existence checks all use the mapped names; a DDL "
                            + "the grammar cannot read stops the task, naming it.", GROUP_NAMES, 1, Width.LONG, "Name mapping")
            .define(COLLATION_MAPPING, Type.STRING, "", mappingRules(COLLATION_MAPPING, "utf8mb4_0900_ai_ci:utf8mb4_uca1400_nopad_ai_ci"),
                    Importance.MEDIUM, "Collations the destination uses in place of source collations it lacks: "
                            + "comma-separated source:destination pairs. Applied wherever the sink writes a collation (databases, "
                            + "tables, columns, and the session context of views, routines, triggers and events). MySQL 8+ "
                            + "databases moving to MariaDB 10.x need one for MySQL's default utf8mb4_0900_ai_ci; the precheck's "
                            + "destination.collations names the nearest collation the destination has, and docs/TYPES.md says what "
                            + "changes (sort order; unique keys under --assess).", GROUP_NAMES, 3, Width.LONG, "Collation mapping")
            .define(CHARSET_MAPPING, Type.STRING, "", mappingRules(CHARSET_MAPPING, "utf8mb3:utf8mb4"), Importance.LOW,
                    "Character sets the destination uses in place of source character sets it lacks: comma-separated "
                            + "source:destination pairs, applied like collation.mapping.", GROUP_NAMES, 4, Width.LONG,
                    "Character set mapping")
            .define(NAME_CASE, Type.STRING, NameCase.SOURCE.configValue(), ConfigChoice.validator(NameCase.class), Importance.LOW,
                    "Letter case of database, table and column names on the destination, for names without a mapping rule: "
                            + "'source' keeps the source's; 'destination' follows the destination's lower_case_table_names "
                            + "(database and table names in lower case when it is 1 or 2); 'lower' and 'upper' change database, "
                            + "table and column names.", GROUP_NAMES, 2, Width.SHORT, "Name case");

    public MigrationSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        String problem = crossCheck(getInt(RETRY_CONNECTION_MINUTES), getInt(RETRY_OTHER_MINUTES));
        if (problem != null) {
            throw new ConfigException(RETRY_OTHER_MINUTES, getInt(RETRY_OTHER_MINUTES), problem);
        }
    }

    /** The rule that relates two settings; null when they agree. Used by the constructor and by validation. */
    static String crossCheck(int connectionMinutes, int otherMinutes) {
        return otherMinutes < connectionMinutes ? null
                : RETRY_OTHER_MINUTES + " (" + otherMinutes + ") must be less than " + RETRY_CONNECTION_MINUTES + " ("
                        + connectionMinutes + ")";
    }

    /** The connector's name (Connect puts it in every connector and task configuration): the key of its progress. */
    public static String connectorName(Map<String, String> props) {
        return props.getOrDefault("name", "mysql-migrate-sink");
    }

    public Duration retryConnectionWindow() {
        return Duration.ofMinutes(getInt(RETRY_CONNECTION_MINUTES));
    }

    public Duration retryOtherWindow() {
        return Duration.ofMinutes(getInt(RETRY_OTHER_MINUTES));
    }

    public TlsSettings tls() {
        return TlsSettings.of(getString(DESTINATION_SSL_MODE), getString(DESTINATION_SSL_CA));
    }

    public String hostname() {
        return getString(DESTINATION_HOSTNAME);
    }

    public int port() {
        return getInt(DESTINATION_PORT);
    }

    public String user() {
        return getString(DESTINATION_USER);
    }

    public Password password() {
        return getPassword(DESTINATION_PASSWORD);
    }

    public String stateDatabase() {
        return getString(STATE_DATABASE);
    }

    public int batchMaxRows() {
        return getInt(BATCH_MAX_ROWS);
    }

    /** The configured caps, for the apply loop. */
    public Throttle throttle() {
        return Throttle.system(getDouble(THROTTLE_ROWS_PER_SECOND), getDouble(THROTTLE_MEGABYTES_PER_SECOND) * 1_000_000);
    }

    public int applyWriters() {
        return getInt(APPLY_WRITERS);
    }

    public int transactionMaxHeldRecords() {
        return getInt(TRANSACTION_MAX_HELD_RECORDS);
    }

    /** The names rows and DDL get on a destination whose {@code lower_case_table_names} is given. */
    public NameMapping nameMapping(int lowerCaseTableNames) {
        return NameMapping.of(getString(NAME_MAPPING), ConfigChoice.parse(NameCase.class, getString(NAME_CASE)), lowerCaseTableNames);
    }

    /** The destination's collations and character sets for the source's ({@code collation.mapping}, {@code charset.mapping}). */
    public CollationMapping collationMapping() {
        return CollationMapping.of(getString(COLLATION_MAPPING), getString(CHARSET_MAPPING));
    }

    public ConflictPolicies conflictPolicies() {
        return new ConflictPolicies(ConfigChoice.parse(TableConflictPolicy.class, getString(CONFLICT_TABLE_POLICY)),
                ConfigChoice.parse(FullLoadConflictPolicy.class, getString(CONFLICT_FULL_LOAD_POLICY)),
                ConfigChoice.parse(IncrementalConflictPolicy.class, getString(CONFLICT_INCREMENTAL_POLICY)),
                ConfigChoice.parse(NoPrimaryKeyPolicy.class, getString(TABLES_WITHOUT_PRIMARY_KEY)));
    }
}
