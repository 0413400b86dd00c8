package io.mysqlmigrate.precheck.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mysqlmigrate.source.selection.TableSelection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether the sink is through the source's binary log, judged on events as SHOW BINLOG EVENTS prints them. */
class PendingChangesTest {

    private static final TableSelection SHOP = new TableSelection(List.of("shop", "crm"), List.of(), List.of("shop\\.audit"));

    /** Two transactions on shop.orders, then one on another database, then a DDL in shop, in mysql-bin.000002. */
    private static final List<BinlogEvent> EVENTS = List.of(
            new BinlogEvent("mysql-bin.000002", 100, "Gtid", "BEGIN GTID 0-1-10"),
            new BinlogEvent("mysql-bin.000002", 140, "Annotate_rows", "INSERT INTO orders VALUES (1)"),
            new BinlogEvent("mysql-bin.000002", 190, "Table_map", "table_id: 31 (shop.orders)"),
            new BinlogEvent("mysql-bin.000002", 240, "Write_rows_v1", "table_id: 31 flags: STMT_END_F"),
            new BinlogEvent("mysql-bin.000002", 290, "Xid", "COMMIT /* xid=7 */"),
            new BinlogEvent("mysql-bin.000002", 320, "Gtid", "BEGIN GTID 0-1-11"),
            new BinlogEvent("mysql-bin.000002", 360, "Table_map", "table_id: 31 (shop.orders)"),
            new BinlogEvent("mysql-bin.000002", 410, "Update_rows_v1", "table_id: 31 flags: STMT_END_F"),
            new BinlogEvent("mysql-bin.000002", 470, "Xid", "COMMIT /* xid=8 */"),
            new BinlogEvent("mysql-bin.000002", 500, "Gtid", "BEGIN GTID 0-1-12"),
            new BinlogEvent("mysql-bin.000002", 540, "Table_map", "table_id: 40 (other.t)"),
            new BinlogEvent("mysql-bin.000002", 590, "Write_rows_v1", "table_id: 40 flags: STMT_END_F"),
            new BinlogEvent("mysql-bin.000002", 640, "Xid", "COMMIT /* xid=9 */"),
            new BinlogEvent("mysql-bin.000002", 670, "Gtid", "GTID 0-1-13"),
            new BinlogEvent("mysql-bin.000002", 710, "Query", "use `crm`; ALTER TABLE c ADD x INT"));

    @Test
    void theTransactionAfterTheAppliedOneIsPending() {
        assertEquals(360, PendingChanges.firstPending(EVENTS, "mysql-bin.000002", 100, "shop", SHOP).pos());
    }

    @Test
    void afterTheLastTransactionOfTheDatabaseNothingIsPendingWhateverOthersDo() {
        assertNull(PendingChanges.firstPending(EVENTS, "mysql-bin.000002", 320, "shop", SHOP));
    }

    @Test
    void anEarlierFileCountsAsBefore() {
        assertEquals(190, PendingChanges.firstPending(EVENTS, "mysql-bin.000001", 9000, "shop", SHOP).pos());
    }

    @Test
    void aDdlInTheDatabaseIsPendingAndAnUnselectedTableIsNot() {
        assertEquals(710, PendingChanges.firstPending(EVENTS, "mysql-bin.000002", 320, "crm", SHOP).pos());
        List<BinlogEvent> audit = List.of(new BinlogEvent("mysql-bin.000003", 4, "Gtid", ""),
                new BinlogEvent("mysql-bin.000003", 40, "Table_map", "table_id: 50 (shop.audit)"));
        assertNull(PendingChanges.firstPending(audit, "mysql-bin.000002", 320, "shop", SHOP));
    }

    @Test
    void withNothingAppliedYetEveryTransactionOfTheDatabaseCounts() {
        assertEquals(190, PendingChanges.firstPending(EVENTS, null, 0, "shop", SHOP).pos());
    }

    @Test
    void eventsAreReadFromTheirDescriptions() {
        assertEquals("shop.orders", EVENTS.get(2).mappedTable());
        assertEquals("crm", EVENTS.get(14).statementDatabase());
        assertNull(new BinlogEvent("f.1", 1, "Query", "BEGIN").statementDatabase());
        assertEquals(12, BinlogEvent.fileIndex("mysql-bin.000012"));
    }

    @Test
    void statementsDefiningViewsRoutinesTriggersAndEventsNeverReachTheSinkSoTheyAreNotPending() {
        for (String statement : List.of(
                "use `shop`; CREATE DEFINER=`migrate`@`%` TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW SET NEW.note = 'x' /* xid=401 */",
                "use `shop`; CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v` AS select 1",
                "use `shop`; DROP PROCEDURE IF EXISTS p", "use `shop`; CREATE OR REPLACE FUNCTION f() RETURNS INT RETURN 1",
                "use `shop`; ALTER EVENT ev DISABLE")) {
            List<BinlogEvent> events = List.of(new BinlogEvent("mysql-bin.000003", 4, "Gtid", ""),
                    new BinlogEvent("mysql-bin.000003", 40, "Query", statement));
            assertNull(PendingChanges.firstPending(events, "mysql-bin.000002", 320, "shop", SHOP), statement);
        }
        List<BinlogEvent> table = List.of(new BinlogEvent("mysql-bin.000003", 4, "Gtid", ""),
                new BinlogEvent("mysql-bin.000003", 40, "Query", "use `shop`; CREATE TABLE view_log (id INT)"));
        assertEquals(40, PendingChanges.firstPending(table, "mysql-bin.000002", 320, "shop", SHOP).pos());
    }
}
