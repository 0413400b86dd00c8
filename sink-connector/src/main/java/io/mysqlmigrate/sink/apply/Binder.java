package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.types.ColumnValues;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.errors.DataException;

/** Binds one column value of a change event to a statement placeholder, naming the column when it cannot. */
public final class Binder {

    private Binder() {
    }

    public static void bind(PreparedStatement ps, int index, Field field, Object value, RowChange change) throws SQLException {
        Object jdbc;
        try {
            jdbc = ColumnValues.toJdbc(field.schema(), value);
        } catch (DataException | ArithmeticException | java.time.DateTimeException e) {
            throw new UnconvertibleValueException(change, field.name(), e);
        }
        if (jdbc == null) {
            ps.setNull(index, Types.NULL);
        } else {
            ps.setObject(index, jdbc);
        }
    }
}
