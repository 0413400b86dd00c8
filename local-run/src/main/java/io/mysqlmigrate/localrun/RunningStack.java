package io.mysqlmigrate.localrun;

import io.mysqlmigrate.stack.ConnectWorker;
import io.mysqlmigrate.stack.KafkaBroker;

/**
 * The servers a run works with once they are up.
 *
 * @param source      the private demo source or the operator's
 * @param destination the private destination or the operator's
 */
record RunningStack(Endpoint source, Endpoint destination, KafkaBroker broker, ConnectWorker worker) {
}
