package io.mysqlmigrate.e2e;

import io.mysqlmigrate.stack.FlavourPair;

/** The scenario corpus from a real MySQL 9.7 source to a real MySQL 9.7 destination, through Kafka and Connect. */
class ScenariosMySqlToMySqlOnKafkaConnectIT extends ScenarioCorpusKafkaConnectIT {
    @Override
    FlavourPair pair() {
        return FlavourPair.MYSQL_TO_MYSQL;
    }
}
