package io.mysqlmigrate.sink.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.sink.naming.NameMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CollationMappingTest {

    private static final CollationMapping TO_MARIADB = CollationMapping.of(
            "utf8mb4_0900_ai_ci:utf8mb4_unicode_520_nopad_ci, UTF8MB4_0900_BIN:utf8mb4_nopad_bin", "utf8mb3:utf8mb4");

    private static String rewrite(String ddl, Flavour grammar) {
        return new DdlNameRewriter(NameMapping.IDENTITY, TO_MARIADB).rewrite(ddl, "shop", grammar);
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void tableColumnAndDatabaseCollationsAreReplacedAndNothingElse(Flavour grammar) {
        assertEquals("CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `a` varchar(10) COLLATE utf8mb4_nopad_bin DEFAULT "
                        + "'utf8mb4_0900_ai_ci',\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
                        + "COLLATE=utf8mb4_unicode_520_nopad_ci",
                rewrite("CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `a` varchar(10) COLLATE utf8mb4_0900_bin DEFAULT "
                        + "'utf8mb4_0900_ai_ci',\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
                        + "COLLATE=utf8mb4_0900_ai_ci", grammar));
        assertEquals("CREATE DATABASE `shop` CHARSET utf8mb4 COLLATE utf8mb4_unicode_520_nopad_ci",
                rewrite("CREATE DATABASE `shop` CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci", grammar));
        assertEquals("ALTER TABLE t MODIFY b TEXT CHARACTER SET utf8mb4",
                rewrite("ALTER TABLE t MODIFY b TEXT CHARACTER SET utf8mb3", grammar));
    }

    @Test
    void aStatementThatNamesNothingMappedIsNotParsed() {
        String unreadable = "THIS IS NOT SQL utf8mb4_general_ci";
        assertSame(unreadable, new DdlNameRewriter(NameMapping.IDENTITY, TO_MARIADB).rewrite(unreadable, "shop", Flavour.MYSQL));
    }

    @Test
    void rulesAreCheckedAndMatchedWithoutRegardToCase() {
        assertEquals("utf8mb4_unicode_520_nopad_ci", TO_MARIADB.collation("UTF8MB4_0900_AI_CI"));
        assertEquals("latin1_swedish_ci", TO_MARIADB.collation("latin1_swedish_ci"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CollationMapping.of("utf8mb4_0900_ai_ci=utf8mb4_general_ci", ""));
        assertTrue(e.getMessage().contains("collation.mapping") && e.getMessage().contains("source:destination"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CollationMapping.of("a:b,A:c", ""));
    }
}
