package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.conflict.UniqueClash;
import io.mysqlmigrate.sink.conflict.WriteMode;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.table.DestinationTable;
import java.util.Objects;
import org.apache.kafka.connect.data.Struct;

/** One change with everything needed to write it; {@code keyValues} holds the identity values it acts on. */
record Planned(RowChange change, DestinationTable table, RowIdentity identity, WriteMode mode, UniqueClash clash, Struct keyValues) {

    /** Whether both can go into one multi-row statement. */
    boolean sameStatementAs(Planned o) {
        if (mode != o.mode || clash != o.clash || !change.table().equals(o.change.table())
                || !change.database().equals(o.change.database())) {
            return false;
        }
        return switch (mode) {
            case UPDATE_BY_IMAGE, DELETE_BY_IMAGE, UPDATE_KEY_WITH_FOREIGN_KEYS -> false;
            case DELETE_WITH_FOREIGN_KEYS -> table.deletesInAnyOrder();
            case DELETE_BY_KEY, SKIP -> true;
            default -> Objects.equals(change.after().schema(), o.change.after().schema());
        };
    }
}
