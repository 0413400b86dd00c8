package io.mysqlmigrate.source.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debezium.connector.mariadb.antlr.MariaDbAntlrDdlParser;
import io.debezium.connector.mysql.antlr.MySqlAntlrDdlParser;
import io.debezium.relational.TableId;
import io.debezium.relational.Tables;
import io.debezium.relational.ddl.DdlParser;
import io.debezium.text.ParsingException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The premise of {@link AlterBacktickNames}, measured on the DDL parsers the capture runs (Debezium's MySQL and MariaDB
 * grammars, in memory): which statements read a name holding a backtick as the server does, and which keep it doubled.
 * Every statement misread here is one the capture refuses, every one read right passes. When a Debezium upgrade reads
 * ALTER TABLE's names right, the misreading assertions fail: the refusal can then go (ParserGaps says how).
 */
class DebeziumBacktickReadingTest {

    static List<Supplier<DdlParser>> parsers() {
        return List.of(MySqlAntlrDdlParser::new, MariaDbAntlrDdlParser::new);
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void createTableAndRenameTableReadBacktickNamesRight(Supplier<DdlParser> parser) {
        Tables tables = parse(parser.get(),
                "CREATE TABLE `g` (id INT PRIMARY KEY, `c``r` INT, `k````k` INT, ```p` INT)",
                "RENAME TABLE `g` TO `ta``ble`");
        assertEquals(List.of("id", "c`r", "k``k", "`p"), tables.forTable(id("ta`ble")).retrieveColumnNames());
        for (String ddl : List.of("CREATE TABLE `g` (id INT PRIMARY KEY, `c``r` INT, `k````k` INT, ```p` INT)",
                "RENAME TABLE `g` TO `ta``ble`")) {
            assertTrue(AlterBacktickNames.conflict(ddl).isEmpty(), ddl);
        }
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void alterTableClausesNamingIndexesKeysAndConstraintsAreReadRightAndPass(Supplier<DdlParser> parser) {
        DdlParser p = parser.get();
        Tables tables = parse(p, "CREATE TABLE `g` (`c``r` INT NOT NULL, `d``d` INT NOT NULL, x INT)",
                "CREATE TABLE `h` (`c``r` INT NOT NULL, x INT)");
        List<String> keyClauses = List.of(
                "ALTER TABLE `g` ADD INDEX `i``x` (`c``r`), ADD CONSTRAINT `ch``k` CHECK (x > 0)",
                "ALTER TABLE `g` RENAME INDEX `i``x` TO `j``x`",
                "ALTER TABLE `g` DROP INDEX `j``x`, DROP CHECK `ch``k`",
                "ALTER TABLE `g` ADD PRIMARY KEY (`d``d`)",
                "ALTER TABLE `h` ADD UNIQUE KEY `u``x` (`c``r`)");
        for (String ddl : keyClauses) {
            p.parse(ddl, tables);
            assertTrue(AlterBacktickNames.conflict(ddl).isEmpty(), ddl);
        }
        assertEquals(List.of("c`r", "d`d", "x"), tables.forTable(id("g")).retrieveColumnNames());
        assertEquals(List.of("d`d"), tables.forTable(id("g")).primaryKeyColumnNames());
        // a table without a primary key is keyed by its first unique key
        assertEquals(List.of("c`r"), tables.forTable(id("h")).primaryKeyColumnNames());
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void alterTableClausesKeepTheBacktickDoubledAndAreRefused(Supplier<DdlParser> parser) {
        DdlParser p = parser.get();
        Tables tables = parse(p, "CREATE TABLE `g` (id INT PRIMARY KEY, `c``r` INT, x INT)");

        String add = "ALTER TABLE `g` ADD COLUMN `a``d` INT";
        p.parse(add, tables);
        assertEquals(List.of("id", "c`r", "x", "a``d"), tables.forTable(id("g")).retrieveColumnNames());

        String change = "ALTER TABLE `g` CHANGE `x` `y``z` INT";
        p.parse(change, tables);
        assertEquals(List.of("id", "c`r", "y``z", "a``d"), tables.forTable(id("g")).retrieveColumnNames());

        String modify = "ALTER TABLE `g` MODIFY `c``r` BIGINT";
        ParsingException missed = assertThrows(ParsingException.class, () -> p.parse(modify, tables));
        assertTrue(missed.getMessage().contains("c``r"), missed.getMessage());

        String renameTo = "ALTER TABLE `g` RENAME TO `ta``ble`";
        p.parse(renameTo, tables);
        assertEquals(List.of(id("ta``ble")), List.copyOf(tables.tableIds()));

        for (String ddl : List.of(add, change, modify, renameTo)) {
            assertTrue(AlterBacktickNames.conflict(ddl).isPresent(), ddl);
        }
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
