package io.mysqlmigrate.precheck.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {

    private static final List<CheckResult> RESULTS = List.of(
            CheckResult.pass("servers.versions", "source MariaDB 10.11.6, destination MariaDB 10.11.6"),
            CheckResult.warn("source.tables.without_key", "without primary or unique key: shop.log", "duplicates", "add a key"),
            CheckResult.fail("source.binlog.format", "binlog_format = STATEMENT", "rows", "SET GLOBAL binlog_format = 'ROW';"));

    @Test
    void textShowsEveryCheckThenWhatToDo() {
        String text = ReportPrinter.text(RESULTS, Set.of(), false);
        assertTrue(text.contains("FAIL  source.binlog.format"), text);
        assertTrue(text.contains("fix: SET GLOBAL binlog_format = 'ROW';"), text);
        assertTrue(text.contains("or acknowledge it: --ack source.tables.without_key"), text);
        assertTrue(text.contains("3 checks: 1 failed, 1 warning not acknowledged, 1 passed or acknowledged"), text);
    }

    @Test
    void anAcknowledgedWarningIsMarkedAndNotListedAgain() {
        String text = ReportPrinter.text(RESULTS, Set.of("source.tables.without_key"), false);
        assertTrue(text.contains("ACK   source.tables.without_key"), text);
        assertFalse(text.contains("--ack source.tables.without_key"), text);
    }

    @Test
    void aFailNamedInAckIsStillAFailWithItsFixAndTheCountsAddUp() {
        String text = ReportPrinter.text(RESULTS, Set.of("source.binlog.format"), false);
        assertTrue(text.contains("FAIL  source.binlog.format"), text);
        assertTrue(text.contains("fix: SET GLOBAL binlog_format = 'ROW';"), text);
        assertTrue(text.contains("3 checks: 1 failed, 1 warning not acknowledged, 1 passed or acknowledged"), text);
        String json = ReportPrinter.json(RESULTS, Set.of("source.binlog.format"), false);
        assertFalse(json.contains("\"acknowledged\" : true"), json);
    }

    @Test
    void jsonCarriesEveryFieldForAutomation() {
        String json = ReportPrinter.json(RESULTS, Set.of(), false);
        assertTrue(json.contains("\"passed\" : false"), json);
        assertTrue(json.contains("\"exitCode\" : 1"), "the exit code, as every command's JSON has it: " + json);
        assertTrue(json.contains("\"id\" : \"source.binlog.format\""), json);
        assertTrue(json.contains("\"status\" : \"WARN\""), json);
    }
}
