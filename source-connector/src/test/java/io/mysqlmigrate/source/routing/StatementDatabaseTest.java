package io.mysqlmigrate.source.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StatementDatabaseTest {

    @Test
    void findsTheDatabaseOfAQualifiedTableReference() {
        assertEquals("shop", StatementDatabase.of("CREATE INDEX ix_v ON shop.a (v)"));
        assertEquals("shop", StatementDatabase.of("create unique index ix on `shop`.`a` (v)"));
        assertEquals("shop", StatementDatabase.of("DROP INDEX ix_v ON shop.a"));
        assertEquals("my db`x", StatementDatabase.of("ALTER TABLE `my db``x`.t ADD c INT"));
        assertEquals("a", StatementDatabase.of("/* on x.y */ RENAME TABLE a.t TO b.t"));
    }

    @Test
    void unqualifiedOrSessionStatementsNameNone() {
        assertNull(StatementDatabase.of("CREATE INDEX ix ON t (v)"));
        assertNull(StatementDatabase.of("SET character_set_server=utf8mb4"));
        assertNull(StatementDatabase.of("ALTER TABLE t COMMENT 'on x.y'"));
    }
}
