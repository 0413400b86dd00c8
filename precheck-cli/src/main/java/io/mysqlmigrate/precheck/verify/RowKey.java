package io.mysqlmigrate.precheck.verify;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A primary key value as read from one side: the driver's objects (bound back into range and lookup queries) and the
 * hexadecimal image of each part as the server renders it ({@code HEX(CAST(k AS BINARY))}). The images decide
 * equality, so a key read from the source and the same key read from the destination are one key, whatever Java
 * types the driver chose, and they are what repair SQL writes as literals.
 */
public record RowKey(List<Object> values, List<String> hex) {

    public RowKey {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        hex = List.copyOf(hex);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey k && hex.equals(k.hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    /** For people: the values joined by commas, binary parts in hexadecimal. */
    @Override
    public String toString() {
        return values.stream().map(v -> v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : String.valueOf(v))
                .collect(Collectors.joining(", "));
    }
}
