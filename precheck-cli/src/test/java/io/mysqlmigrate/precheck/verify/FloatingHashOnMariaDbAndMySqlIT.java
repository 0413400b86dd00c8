package io.mysqlmigrate.precheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The same DOUBLE and FLOAT values on a real MariaDB and a real MySQL 9.7 server hash alike in verify's row hash, and
 * different values hash differently. The servers print doubles differently (MariaDB writes small numbers out in full,
 * MySQL's string conversion stops at 22 characters), which made verify report MariaDB -> MySQL tables holding
 * 2.2250738585072014e-308 or -3.6290244904410107e-6 as different though they were equal.
 */
class FloatingHashOnMariaDbAndMySqlIT {

    private static final List<TableChecksum.Column> COLUMNS = List.of(new TableChecksum.Column("id", "int"),
            new TableChecksum.Column("d", "double"), new TableChecksum.Column("f", "float"));

    @Test
    void equalValuesHashAlikeOnBothFlavoursAndNeighboursDoNot() throws Exception {
        DatabaseServer mariadb = SharedStack.databasesOnly().server(Flavour.MARIADB, SharedStack.Role.SOURCE);
        DatabaseServer mysql = SharedStack.databasesOnly().server(Flavour.MYSQL, SharedStack.Role.DESTINATION);
        List<Double> doubles = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1e16, 1e15, 123456789012345680.0, 16777216.0,
                -3.6290244904410107e-6, -5.5015588987042064e-14, 3.0593960911679945e-307, 1.0, -1.0, 0.5, 3.4028234663852886e38));
        Random random = new Random(20261207);
        while (doubles.size() < 1500) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                doubles.add(d);
            }
        }
        // a value and its neighbour one bit away must not hash alike
        doubles.add(Math.nextUp(0.1));
        doubles.add(Math.nextUp(Double.MIN_NORMAL));
        String db = "floathash_" + System.nanoTime() % 1_000_000;
        StringBuilder insert = new StringBuilder("INSERT INTO " + db + ".t VALUES ");
        for (int i = 0; i < doubles.size(); i++) {
            double d = doubles.get(i);
            float f = (float) d;
            String floatLiteral = Float.isInfinite(f) ? "NULL" : Double.toString(f);
            insert.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(Double.toString(d)).append(", ")
                    .append(floatLiteral).append(")");
        }
        Map<Integer, String> fromMariaDb = hashes(mariadb, db, insert.toString());
        Map<Integer, String> fromMySql = hashes(mysql, db, insert.toString());
        assertEquals(doubles.size(), fromMariaDb.size());
        List<String> differing = new ArrayList<>();
        fromMariaDb.forEach((id, hash) -> {
            if (!hash.equals(fromMySql.get(id))) {
                differing.add(id + ": " + doubles.get(id));
            }
        });
        assertTrue(differing.isEmpty(), "rows whose equal values hash differently on MariaDB and MySQL: " + differing);
        int up01 = doubles.size() - 2;
        int upMinNormal = doubles.size() - 1;
        assertNotEquals(fromMySql.get(up01), fromMySql.get(doubles.indexOf(0.1)), "0.1 and the next double");
        assertNotEquals(fromMySql.get(upMinNormal), fromMySql.get(doubles.indexOf(Double.MIN_NORMAL)),
                "the smallest normal double and the next one");
    }

    private static Map<Integer, String> hashes(DatabaseServer server, String db, String insert) throws Exception {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
            st.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, d DOUBLE, f FLOAT)");
            st.execute(insert);
            try (ResultSet rs = st.executeQuery("SELECT id, " + SideSql.rowHash(COLUMNS) + " FROM " + db + ".t")) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
