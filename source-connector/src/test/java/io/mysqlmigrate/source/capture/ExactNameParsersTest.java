package io.mysqlmigrate.source.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.debezium.connector.binlog.charset.BinlogCharsetRegistry;
import io.debezium.connector.mariadb.antlr.MariaDbAntlrDdlParser;
import io.debezium.connector.mysql.antlr.MySqlAntlrDdlParser;
import io.debezium.relational.TableId;
import io.debezium.relational.Tables;
import io.debezium.relational.ddl.DdlParser;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every DDL path, on the parsers the capture runs (Debezium's MySQL and MariaDB grammars with names read exactly), in
 * memory: a name holding backticks, quotes, dots, spaces or SQL comes out as the server has it. The stock parsers are
 * measured beside them: the day a Debezium release reads ALTER TABLE's names right, {@link #stockParsersKeepTheBacktickDoubledInAlterTable}
 * fails and {@link ExactNameParsers} can go.
 */
class ExactNameParsersTest {

    private static final BinlogCharsetRegistry NO_CHARSETS = null;

    static List<Supplier<DdlParser>> exact() {
        return List.of(() -> new ExactNameParsers.MySql(false, Tables.TableFilter.includeAll(), NO_CHARSETS),
                () -> new ExactNameParsers.MariaDb(false, Tables.TableFilter.includeAll(), NO_CHARSETS));
    }

    static List<Supplier<DdlParser>> stock() {
        return List.of(MySqlAntlrDdlParser::new, MariaDbAntlrDdlParser::new);
    }

    @ParameterizedTest
    @MethodSource("exact")
    void createTableKeepsEveryNameExactlyOnce(Supplier<DdlParser> parser) {
        Tables tables = parse(parser.get(),
                "CREATE TABLE `g` (id INT PRIMARY KEY, `c``r` INT, `k````k` INT, ```p` INT, `q\"u'o.t e` INT,"
                        + " `); DROP TABLE x; --` INT, UNIQUE KEY `u``k` (`k````k`))");
        assertEquals(List.of("id", "c`r", "k``k", "`p", "q\"u'o.t e", "); DROP TABLE x; --"),
                tables.forTable(id("g")).retrieveColumnNames());
    }

    @ParameterizedTest
    @MethodSource("exact")
    void everyAlterTableColumnClauseReadsTheNameAsTheServerDoes(Supplier<DdlParser> parser) {
        DdlParser p = parser.get();
        Tables tables = parse(p, "CREATE TABLE `g` (id INT PRIMARY KEY, `c``r` INT, x INT, `d``d` INT)");

        p.parse("ALTER TABLE `g` ADD COLUMN `a``d` INT", tables);
        p.parse("ALTER TABLE `g` ADD (`b``1` INT, `b``2` INT)", tables);
        p.parse("ALTER TABLE `g` CHANGE `x` `y``z` INT", tables);
        p.parse("ALTER TABLE `g` MODIFY `c``r` BIGINT", tables);
        p.parse("ALTER TABLE `g` RENAME COLUMN `b``1` TO `r``n`", tables);
        p.parse("ALTER TABLE `g` ALTER COLUMN `a``d` SET DEFAULT 7", tables);
        p.parse("ALTER TABLE `g` ADD COLUMN `af``t` INT AFTER `c``r`", tables);
        p.parse("ALTER TABLE `g` DROP COLUMN `d``d`", tables);
        assertEquals(List.of("id", "c`r", "af`t", "y`z", "a`d", "r`n", "b`2"), tables.forTable(id("g")).retrieveColumnNames());
        assertEquals("BIGINT", tables.forTable(id("g")).columnWithName("c`r").typeName());
        assertEquals("7", tables.forTable(id("g")).columnWithName("a`d").defaultValueExpression().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("exact")
    void tableRenamesIndexesAndKeysReadTheNameAsTheServerDoes(Supplier<DdlParser> parser) {
        DdlParser p = parser.get();
        Tables tables = parse(p, "CREATE TABLE `g` (`k``1` INT NOT NULL, `k``2` INT NOT NULL, v INT)");
        p.parse("ALTER TABLE `g` ADD PRIMARY KEY (`k``1`), ADD UNIQUE KEY `u``x` (`k``2`)", tables);
        p.parse("CREATE INDEX `i``x` ON `g` (`k``2`, v)", tables);
        p.parse("ALTER TABLE `g` RENAME TO `ta``ble`", tables);
        assertEquals(List.of(id("ta`ble")), List.copyOf(tables.tableIds()));
        p.parse("RENAME TABLE `ta``ble` TO `db`.`t``2`", tables);
        assertEquals(List.of(id("t`2")), List.copyOf(tables.tableIds()));
        assertEquals(List.of("k`1"), tables.forTable(id("t`2")).primaryKeyColumnNames());
    }

    @ParameterizedTest
    @MethodSource("exact")
    void namesWithoutBackticksAreUntouched(Supplier<DdlParser> parser) {
        Tables tables = parse(parser.get(), "CREATE TABLE plain (id INT PRIMARY KEY, `select` INT, `a b` INT)");
        assertEquals(List.of("id", "select", "a b"), tables.forTable(id("plain")).retrieveColumnNames());
    }

    @ParameterizedTest
    @MethodSource("stock")
    void stockParsersKeepTheBacktickDoubledInAlterTable(Supplier<DdlParser> parser) {
        DdlParser p = parser.get();
        Tables tables = parse(p, "CREATE TABLE `g` (id INT PRIMARY KEY, `c``r` INT, x INT)");
        assertEquals(List.of("id", "c`r", "x"), tables.forTable(id("g")).retrieveColumnNames());
        p.parse("ALTER TABLE `g` ADD COLUMN `a``d` INT", tables);
        assertNotEquals("a`d", tables.forTable(id("g")).retrieveColumnNames().get(3), "Debezium reads ADD COLUMN's name right now");
        assertEquals("a``d", tables.forTable(id("g")).retrieveColumnNames().get(3));
    }

    @Test
    void unquotedUndoublesOnlyBacktickQuotedNames() {
        assertEquals("a`b", ExactNameParsers.unquoted("`a``b`"));
        assertEquals("", ExactNameParsers.unquoted("``"));
        assertNull(ExactNameParsers.unquoted("a``b"));
        assertNull(ExactNameParsers.unquoted("\"a``b\""));
    }

    private static Tables parse(DdlParser parser, String... ddl) {
        parser.setCurrentDatabase("db");
        Tables tables = new Tables();
        for (String statement : ddl) {
            parser.parse(statement, tables);
        }
        return tables;
    }

    private static TableId id(String table) {
        return new TableId("db", null, table);
    }
}
