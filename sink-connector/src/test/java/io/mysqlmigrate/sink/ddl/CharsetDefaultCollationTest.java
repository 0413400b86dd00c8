package io.mysqlmigrate.sink.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.sink.naming.NameCase;
import io.mysqlmigrate.sink.naming.NameMapping;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A character set named without a collation gets the source server's default collation for it, written out. */
class CharsetDefaultCollationTest {

    /** MariaDB 10.11's defaults, as information_schema.CHARACTER_SETS states them. */
    private static final Map<String, String> MARIADB = Map.of("utf8mb4", "utf8mb4_general_ci", "latin1", "latin1_swedish_ci",
            "utf8mb3", "utf8mb3_general_ci");
    /** MySQL 9's. */
    private static final Map<String, String> MYSQL = Map.of("utf8mb4", "utf8mb4_0900_ai_ci", "latin1", "latin1_swedish_ci");

    private static final NameMapping IDENTITY = NameMapping.of("", NameCase.SOURCE, 0);

    private static String rewrite(String ddl, Flavour grammar, Map<String, String> defaults) {
        return new DdlNameRewriter(IDENTITY).rewrite(ddl, "shop", grammar, defaults);
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void tableAndColumnCharsetsGetTheSourcesDefaultCollation(Flavour grammar) {
        assertEquals("CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci, "
                        + "b VARCHAR(10), e ENUM('x','y') CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci) "
                        + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_general_ci",
                rewrite("CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10) CHARACTER SET latin1, b VARCHAR(10), "
                        + "e ENUM('x','y') CHARACTER SET utf8mb4) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", grammar, MARIADB));
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void anExplicitCollationStaysTheOnlyOne(Flavour grammar) {
        for (String ddl : new String[] {
                "CREATE TABLE t (id INT, a VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
                "CREATE TABLE t (id INT, a VARCHAR(10) CHARACTER SET utf8mb4 NOT NULL COLLATE utf8mb4_bin) COLLATE=utf8mb4_bin CHARSET=utf8mb4",
                "CREATE TABLE t (id INT, a VARCHAR(10) CHARACTER SET utf8mb4 BINARY)",
                "CREATE DATABASE d CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                "SELECT CONVERT(a USING utf8mb4) FROM t",
                "CREATE TABLE t (id INT) CHARSET=binary"}) {
            assertEquals(ddl, rewrite(ddl, grammar, MARIADB));
        }
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void databasesAndAlteredTablesToo(Flavour grammar) {
        assertEquals("CREATE DATABASE d DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci",
                rewrite("CREATE DATABASE d DEFAULT CHARACTER SET utf8mb4", grammar, MYSQL));
        assertEquals("ALTER DATABASE d CHARACTER SET = latin1 COLLATE latin1_swedish_ci",
                rewrite("ALTER DATABASE d CHARACTER SET = latin1", grammar, MYSQL));
        assertEquals("ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci",
                rewrite("ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4", grammar, MYSQL));
        assertEquals("ALTER TABLE t ADD COLUMN c CHAR(2) CHARACTER SET latin1 COLLATE latin1_swedish_ci, DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_0900_ai_ci",
                rewrite("ALTER TABLE t ADD COLUMN c CHAR(2) CHARACTER SET latin1, DEFAULT CHARSET=utf8mb4", grammar, MYSQL));
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void theCollationMappingAppliesToTheDefaultItWritesOut(Flavour grammar) {
        DdlNameRewriter mapped = new DdlNameRewriter(IDENTITY, CollationMapping.of("utf8mb4_0900_ai_ci:utf8mb4_uca1400_nopad_ai_ci", ""));
        assertEquals("CREATE TABLE t (a TEXT) DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_uca1400_nopad_ai_ci",
                mapped.rewrite("CREATE TABLE t (a TEXT) DEFAULT CHARSET=utf8mb4", "shop", grammar, MYSQL));
        DdlNameRewriter charsetMapped = new DdlNameRewriter(IDENTITY, CollationMapping.of("", "utf8mb3:utf8mb4"));
        assertEquals("CREATE TABLE t (a TEXT) DEFAULT CHARSET=utf8mb4", charsetMapped.rewrite("CREATE TABLE t (a TEXT) DEFAULT CHARSET=utf8mb3",
                "shop", grammar, MARIADB), "a mapped character set with an unmapped default collation gets the destination's default");
    }

    @org.junit.jupiter.api.Test
    void mysqlsGeomcollectionIsWrittenWithTheNameBothFlavoursKnow() {
        assertEquals("CREATE TABLE t (gc GEOMETRYCOLLECTION DEFAULT NULL COMMENT 'a geomcollection', g GEOMETRYCOLLECTION)",
                rewrite("CREATE TABLE t (gc geomcollection DEFAULT NULL COMMENT 'a geomcollection', g GEOMETRYCOLLECTION)",
                        Flavour.MYSQL, Map.of()));
        assertEquals("ALTER TABLE t ADD COLUMN c GEOMETRYCOLLECTION NOT NULL",
                rewrite("ALTER TABLE t ADD COLUMN c GEOMCOLLECTION NOT NULL", Flavour.MYSQL, Map.of()));
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void withoutTheSourcesDefaultsNothingIsAdded(Flavour grammar) {
        String ddl = "CREATE TABLE t (a TEXT) DEFAULT CHARSET=utf8mb4";
        assertEquals(ddl, rewrite(ddl, grammar, Map.of()));
    }
}
