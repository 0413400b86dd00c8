package io.mysqlmigrate.e2e;

import io.mysqlmigrate.stack.FlavourPair;

/** The scenario corpus from a real MariaDB source to a real MariaDB destination, through Kafka and Connect. */
class ScenariosMariaDbToMariaDbOnKafkaConnectIT extends ScenarioCorpusKafkaConnectIT {
    @Override
    FlavourPair pair() {
        return FlavourPair.MARIADB_TO_MARIADB;
    }
}
