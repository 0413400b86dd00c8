package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.types.ColumnValues;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Binds one column value of a change event to a statement placeholder, naming the column when it cannot. Values are
 * read without Connect's default substitution ({@code Struct.get} returns a field's default for null): a NULL column
 * must stay NULL even when the column has a DEFAULT.
 */
public final class Binder {

    private Binder() {
    }

    public static void bind(PreparedStatement ps, int index, Struct image, Field field, RowChange change) throws SQLException {
        Object value = image.getWithoutDefault(field.name());
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
