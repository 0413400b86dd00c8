package io.mysqlmigrate.e2e;

import io.mysqlmigrate.stack.FlavourPair;

/** The scenario corpus from a real MySQL 9.7 source to a real MariaDB destination, through Kafka and Connect. */
class ScenariosMySqlToMariaDbOnKafkaConnectIT extends ScenarioCorpusKafkaConnectIT {
    @Override
    FlavourPair pair() {
        return FlavourPair.MYSQL_TO_MARIADB;
    }
}
