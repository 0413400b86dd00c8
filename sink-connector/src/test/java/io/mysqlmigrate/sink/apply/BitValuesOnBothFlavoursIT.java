package io.mysqlmigrate.sink.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.sink.DestinationConnections;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * BIT(n) values bound by {@link Binder} on the sink's own connections (server-side prepared statements) to a real
 * destination of each flavour, in a latin1 table: every bit pattern is stored exactly, including ones that are not
 * valid text in any character set, and a row is found again by its BIT value (as a keyless table's UPDATE does).
 */
class BitValuesOnBothFlavoursIT {

    private static final Schema BITS = SchemaBuilder.bytes().name("io.debezium.data.Bits").optional().build();
    private static final Schema ROW = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("b64", BITS).field("b7", BITS).build();

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void everyBitPatternIsStoredAndFoundAgain(Flavour flavour) throws Exception {
        DatabaseServer destination = SharedStack.databasesOnly().server(flavour, SharedStack.Role.DESTINATION);
        String db = "bit_values_" + System.nanoTime() % 100000;
        destination.execute("CREATE DATABASE " + db + " CHARACTER SET latin1",
                "CREATE TABLE " + db + ".t (id INT NOT NULL, b64 BIT(64), b7 BIT(7)) CHARACTER SET latin1");
        MigrationSinkConfig config = new MigrationSinkConfig(Map.of(
                MigrationSinkConfig.DESTINATION_HOSTNAME, destination.host(),
                MigrationSinkConfig.DESTINATION_PORT, Integer.toString(destination.port()),
                MigrationSinkConfig.DESTINATION_USER, destination.user(),
                MigrationSinkConfig.DESTINATION_PASSWORD, destination.password()));
        List<String> b64 = List.of("FFFFFFFFFFFFFFFF", "8000000000000000", "8000000000000001", "0123456789ABCDEF", "0000000000000000");
        List<String> b7 = List.of("7F", "40", "00", "01", "7F");
        try (Connection c = DestinationConnections.open(config)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".t (id, b64, b7) VALUES (?, ?, ?)")) {
                for (int i = 0; i < b64.size(); i++) {
                    Struct row = row(i, b64.get(i), b7.get(i));
                    for (int p = 0; p < 3; p++) {
                        Binder.bind(ps, p + 1, row, ROW.fields().get(p), null);
                    }
                    ps.executeUpdate();
                }
            }
            c.commit();
            List<String> stored = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT HEX(b64), HEX(b7) FROM " + db + ".t ORDER BY id")) {
                while (rs.next()) {
                    stored.add(String.format("%16s/%2s", rs.getString(1), rs.getString(2)).replace(' ', '0'));
                }
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < b64.size(); i++) {
                expected.add(b64.get(i) + "/" + b7.get(i));
            }
            assertEquals(expected, stored);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + db + ".t SET id = id + 100 WHERE b64 = ? AND b7 = ?")) {
                for (int i = 0; i < b64.size(); i++) {
                    Struct row = row(i, b64.get(i), b7.get(i));
                    Binder.bind(ps, 1, row, ROW.field("b64"), null);
                    Binder.bind(ps, 2, row, ROW.field("b7"), null);
                    assertEquals(1, ps.executeUpdate(), "row " + i + " found by its BIT values " + b64.get(i) + "/" + b7.get(i));
                }
            }
            c.commit();
        }
    }

    /** A row as Debezium sends it: BIT(n) as little-endian bytes. */
    private static Struct row(int id, String b64Hex, String b7Hex) {
        return new Struct(ROW).put("id", id).put("b64", littleEndian(b64Hex)).put("b7", littleEndian(b7Hex));
    }

    private static byte[] littleEndian(String hex) {
        byte[] big = HexFormat.of().parseHex(hex);
        byte[] little = new byte[big.length];
        for (int i = 0; i < big.length; i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }
}
