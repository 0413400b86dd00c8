package io.mysqlmigrate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class MigrationSourceConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> p = new HashMap<>();
        p.put(MigrationSourceConfig.SOURCE_HOSTNAME, "db1");
        p.put(MigrationSourceConfig.SOURCE_USER, "u");
        p.put(MigrationSourceConfig.DATABASES_INCLUDE, "shop");
        p.put(MigrationSourceConfig.TOPIC_PREFIX, "m1");
        p.put(MigrationSourceConfig.KAFKA_BOOTSTRAP_SERVERS, "k:9092");
        return p;
    }

    private static List<String> errorsOf(Map<String, String> props, String name) {
        return MigrationSourceConfig.CONFIG_DEF.validate(props).stream().filter(v -> v.name().equals(name))
                .map(ConfigValue::errorMessages).findFirst().orElseThrow();
    }

    @Test
    void aValidConfigHasNoErrors() {
        assertTrue(MigrationSourceConfig.CONFIG_DEF.validate(valid()).stream().allMatch(v -> v.errorMessages().isEmpty()));
    }

    @Test
    void everyNonEmptyCombinationOfMigrationTypesIsValid() {
        for (String types : List.of("schema", "full", "incremental", "schema,full", "schema,incremental", "full,incremental",
                "schema,full,incremental", " Full , SCHEMA ")) {
            Map<String, String> p = valid();
            p.put(MigrationSourceConfig.MIGRATION_TYPES, types);
            assertEquals(List.of(), errorsOf(p, MigrationSourceConfig.MIGRATION_TYPES), types);
        }
    }

    @Test
    void anEmptyMigrationTypeListIsRejectedNamingTheChoices() {
        Map<String, String> p = valid();
        p.put(MigrationSourceConfig.MIGRATION_TYPES, " , ");
        List<String> errors = errorsOf(p, MigrationSourceConfig.MIGRATION_TYPES);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("schema, full or incremental"), errors.get(0));
    }

    @Test
    void unknownMigrationTypeIsNamed() {
        Map<String, String> p = valid();
        p.put(MigrationSourceConfig.MIGRATION_TYPES, "schema,fulll");
        assertTrue(errorsOf(p, MigrationSourceConfig.MIGRATION_TYPES).get(0).contains("'fulll'"));
    }

    @Test
    void topicPrefixMustBeUsableInTopicNames() {
        Map<String, String> p = valid();
        p.put(MigrationSourceConfig.TOPIC_PREFIX, "my prefix");
        assertEquals(1, errorsOf(p, MigrationSourceConfig.TOPIC_PREFIX).size());
    }

    @Test
    void databasesAreRequired() {
        Map<String, String> p = valid();
        p.put(MigrationSourceConfig.DATABASES_INCLUDE, "");
        assertEquals(1, errorsOf(p, MigrationSourceConfig.DATABASES_INCLUDE).size());
    }

    @Test
    void verifyCaWithoutACaIsRefusedByTheConnectorsValidation() {
        Map<String, String> p = valid();
        p.put(MigrationSourceConfig.SOURCE_SSL_MODE, "verify_ca");
        List<String> errors = new MigrationSourceConnector().validate(p).configValues().stream()
                .filter(v -> v.name().equals(MigrationSourceConfig.SOURCE_SSL_CA)).findFirst().orElseThrow().errorMessages();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("verify_ca needs the CA certificate"), errors.get(0));
        p.put(MigrationSourceConfig.SOURCE_SSL_CA, "/nonexistent/ca.pem");
        assertTrue(new MigrationSourceConnector().validate(p).configValues().stream()
                .filter(v -> v.name().equals(MigrationSourceConfig.SOURCE_SSL_CA)).findFirst().orElseThrow().errorMessages().get(0)
                .contains("no readable file /nonexistent/ca.pem"));
        p.put(MigrationSourceConfig.SOURCE_SSL_MODE, "required");
        p.remove(MigrationSourceConfig.SOURCE_SSL_CA);
        assertTrue(new MigrationSourceConnector().validate(p).configValues().stream().allMatch(v -> v.errorMessages().isEmpty()));
    }
}
