package io.mysqlmigrate.source.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.source.phase.MigrationType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DebeziumSettingsTest {

    private static Map<String, String> base() {
        Map<String, String> p = new HashMap<>();
        p.put(MigrationSourceConfig.SOURCE_HOSTNAME, "db1");
        p.put(MigrationSourceConfig.SOURCE_USER, "u");
        p.put(MigrationSourceConfig.SOURCE_PASSWORD, "secret");
        p.put(MigrationSourceConfig.DATABASES_INCLUDE, "shop,crm");
        p.put(MigrationSourceConfig.TOPIC_PREFIX, "m1");
        p.put(MigrationSourceConfig.KAFKA_BOOTSTRAP_SERVERS, "k:9092");
        return p;
    }

    @Test
    void mariaDbGetsTheMariaDbConnectorAndExactValueSettings() {
        Map<String, String> d = DebeziumSettings.from(new MigrationSourceConfig(base()).captureSettings("c1"), Flavour.MARIADB, "c1");
        assertEquals("io.debezium.connector.mariadb.MariaDbConnector", d.get("connector.class"));
        assertEquals("precise", d.get("bigint.unsigned.handling.mode"));
        assertEquals("false", d.get("enable.time.adjuster"));
        assertEquals("adaptive_time_microseconds", d.get("time.precision.mode"));
        assertEquals("none", d.get("skipped.operations"));
        assertEquals("true", d.get("provide.transaction.metadata"));
        assertEquals("initial", d.get("snapshot.mode"));
        assertEquals("_mysql_migrate.m1.schema_history", d.get("schema.history.internal.kafka.topic"));
        assertEquals(CheckedSchemaHistory.class.getName(), d.get("schema.history.internal"));
        assertEquals("\\Qshop\\E,\\Qcrm\\E", d.get("database.include.list"));
        assertEquals("secret", d.get("database.password"));
    }

    @Test
    void mySqlGetsTheMySqlConnector() {
        assertEquals("io.debezium.connector.mysql.MySqlConnector",
                DebeziumSettings.from(new MigrationSourceConfig(base()).captureSettings("c1"), Flavour.MYSQL, "c1").get("connector.class"));
    }

    @Test
    void migrationTypesBecomeSnapshotModes() {
        assertEquals("initial", DebeziumSettings.snapshotMode(Set.of(MigrationType.SCHEMA, MigrationType.FULL, MigrationType.INCREMENTAL)));
        assertEquals("initial_only", DebeziumSettings.snapshotMode(Set.of(MigrationType.SCHEMA, MigrationType.FULL)));
        assertEquals("no_data", DebeziumSettings.snapshotMode(Set.of(MigrationType.SCHEMA, MigrationType.INCREMENTAL)));
        assertEquals("no_data", DebeziumSettings.snapshotMode(Set.of(MigrationType.SCHEMA)));
        assertEquals("no_data", DebeziumSettings.snapshotMode(Set.of(MigrationType.INCREMENTAL)));
        assertEquals("initial_only", DebeziumSettings.snapshotMode(Set.of(MigrationType.FULL)));
        assertEquals("initial", DebeziumSettings.snapshotMode(Set.of(MigrationType.FULL, MigrationType.INCREMENTAL)));
        assertThrows(IllegalArgumentException.class, () -> DebeziumSettings.snapshotMode(Set.of()));
    }

    @Test
    void debeziumPrefixedSettingsOverrideOurs() {
        Map<String, String> p = base();
        p.put("debezium.snapshot.fetch.size", "500");
        p.put("debezium.poll.interval.ms", "5");
        Map<String, String> d = DebeziumSettings.from(new MigrationSourceConfig(p).captureSettings("c1"), Flavour.MARIADB, "c1");
        assertEquals("500", d.get("snapshot.fetch.size"));
        assertEquals("5", d.get("poll.interval.ms"));
    }

    @Test
    void theBinlogKeepAliveDecidesHowSoonALostConnectionIsReestablished() {
        Map<String, String> d = DebeziumSettings.from(new MigrationSourceConfig(base()).captureSettings("c1"), Flavour.MARIADB, "c1");
        assertEquals("true", d.get("connect.keep.alive"));
        assertEquals("5000", d.get("connect.keep.alive.interval.ms"), "the reader's 60 s default left a killed connection down 60-120 s");
        Map<String, String> p = base();
        p.put(MigrationSourceConfig.BINLOG_KEEPALIVE_INTERVAL_MS, "2000");
        assertEquals("2000", DebeziumSettings.from(new MigrationSourceConfig(p).captureSettings("c1"), Flavour.MYSQL, "c1").get("connect.keep.alive.interval.ms"));
        p.put(MigrationSourceConfig.BINLOG_KEEPALIVE_INTERVAL_MS, "100");
        assertThrows(org.apache.kafka.common.config.ConfigException.class, () -> new MigrationSourceConfig(p),
                "below a second the server's heartbeats would arrive too close to the check");
    }

    @Test
    void serverIdIsStablePerConnectorNameUnlessSet() {
        MigrationSourceConfig c = new MigrationSourceConfig(base());
        assertEquals(c.serverId("c1"), c.serverId("c1"));
        Map<String, String> p = base();
        p.put(MigrationSourceConfig.SOURCE_SERVER_ID, "4242");
        assertEquals(4242, new MigrationSourceConfig(p).serverId("c1"));
    }

    @Test
    void includeAndExcludeListsBecomeOneIncludeListDebeziumAccepts() {
        Map<String, String> p = base();
        p.put("tables.include", "shop\\..*");
        p.put("tables.exclude", "shop\\.tmp_.*, shop\\.log");
        p.put("columns.exclude", "shop\\.users\\.password");
        Map<String, String> d = DebeziumSettings.from(new MigrationSourceConfig(p).captureSettings("c1"), Flavour.MARIADB, "c1");
        String include = d.get("table.include.list");
        assertEquals("(?!(?:shop\\.tmp_.*|shop\\.log)$)(?:shop\\..*)", include);
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(include);
        assertTrue(pattern.matcher("shop.orders").matches());
        assertFalse(pattern.matcher("shop.tmp_1").matches());
        assertFalse(pattern.matcher("shop.log").matches());
        assertTrue(pattern.matcher("shop.logins").matches());
        assertFalse(d.containsKey("table.exclude.list"));
        assertEquals("shop\\.users\\.password", d.get("column.exclude.list"));
    }

    @Test
    void rowFiltersReachTheSnapshotSelect() {
        Map<String, String> p = base();
        p.put("row.filters", "shop.orders WHERE amount > 10");
        Map<String, String> d = DebeziumSettings.from(new MigrationSourceConfig(p).captureSettings("c1"), Flavour.MARIADB, "c1");
        assertEquals("shop.orders", d.get("snapshot.select.statement.overrides"));
        assertEquals("SELECT * FROM `shop`.`orders` WHERE (amount > 10)", d.get("snapshot.select.statement.overrides.shop.orders"));
    }

    @Test
    void theHeartbeatTableIsCapturedForTheDelayAndDebeziumEmitsHeartbeats() {
        Map<String, String> p = base();
        p.put("heartbeat.interval.ms", "250");
        p.put("tables.include", "shop\\.orders");
        Map<String, String> d = DebeziumSettings.from(new MigrationSourceConfig(p).captureSettings("c1"), Flavour.MARIADB, "c1");
        assertEquals("250", d.get("heartbeat.interval.ms"));
        assertTrue(d.get("database.include.list").contains(java.util.regex.Pattern.quote("mysql_migrate")), d.get("database.include.list"));
        java.util.regex.Pattern tables = java.util.regex.Pattern.compile(d.get("table.include.list").split(",")[1]);
        assertTrue(tables.matcher("mysql_migrate.heartbeat").matches(), d.get("table.include.list"));
        assertFalse(DebeziumSettings.from(new MigrationSourceConfig(base()).captureSettings("c1"), Flavour.MARIADB, "c1").containsKey("heartbeat.interval.ms"));
    }
}
