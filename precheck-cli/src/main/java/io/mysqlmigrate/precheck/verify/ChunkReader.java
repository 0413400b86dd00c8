package io.mysqlmigrate.precheck.verify;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/** One side of a table, read by primary key ranges. Row hashes are comparable across sides. */
public interface ChunkReader {

    ChunkSum checksum(KeyRange range) throws SQLException;

    /** The key of the row {@code offset} rows into the range (0: its first row), or null when it holds fewer. */
    RowKey keyAt(KeyRange range, long offset) throws SQLException;

    /** Every row of the range: its key and its hash, in key order. */
    Map<RowKey, String> rowHashes(KeyRange range) throws SQLException;

    /** The rows with these keys that exist on this side (and, on the source, pass its row filter). */
    Map<RowKey, String> rowHashes(Collection<RowKey> keys) throws SQLException;
}
