package io.mysqlmigrate.bench;

import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectWorker;
import io.mysqlmigrate.stack.KafkaBroker;
import io.mysqlmigrate.stack.MariaDbServer;
import java.nio.file.Path;

/** What every contender gets: the private stack, the data's size and where to put files. */
record BenchContext(Path projectRoot, Path runDir, MariaDbServer source, MariaDbServer destination, KafkaBroker broker,
        ConnectWorker worker, long rows) {

    /** The database (same name on both sides) and its one table. */
    static final String DATABASE = "bench";
    static final String TABLE = "sbtest1";

    ConnectRestClient rest() {
        return worker.rest();
    }

    String qualifiedTable() {
        return "`" + DATABASE + "`.`" + TABLE + "`";
    }
}
