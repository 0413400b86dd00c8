package io.mysqlmigrate.e2e;

import io.mysqlmigrate.stack.FlavourPair;

/** The scenario corpus from a real MariaDB source to a real MySQL 9.7 destination, through Kafka and Connect. */
class ScenariosMariaDbToMySqlOnKafkaConnectIT extends ScenarioCorpusKafkaConnectIT {
    @Override
    FlavourPair pair() {
        return FlavourPair.MARIADB_TO_MYSQL;
    }
}
