package io.mysqlmigrate.source.onlineddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.source.selection.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingAltersTest {

    @Test
    void heldAltersSurviveTheirOffsetEncodingAndReportChangesOnce() {
        OnlineSchemaChanges.PendingAlters p = new OnlineSchemaChanges.PendingAlters();
        p.add(new TableName("shop", "t"), "ALTER TABLE `shop`.`t` ADD COLUMN c INT NOT NULL DEFAULT 7, ADD KEY ix_v (v)");
        p.add(new TableName("shop", "odd.name"), "ALTER TABLE `shop`.`odd.name` COMMENT 'a;b'");
        p.add(new TableName("shop", "t"), "ALTER TABLE `shop`.`t` DROP COLUMN d");
        assertTrue(p.takeChanged());
        assertFalse(p.takeChanged());

        OnlineSchemaChanges.PendingAlters back = OnlineSchemaChanges.PendingAlters.decode(p.encode());
        assertFalse(back.takeChanged(), "a restored state is not a change");
        assertEquals(List.of("ALTER TABLE `shop`.`t` ADD COLUMN c INT NOT NULL DEFAULT 7, ADD KEY ix_v (v)",
                "ALTER TABLE `shop`.`t` DROP COLUMN d"), back.take(new TableName("shop", "t")));
        assertEquals(List.of("ALTER TABLE `shop`.`odd.name` COMMENT 'a;b'"), back.take(new TableName("shop", "odd.name")));
        assertTrue(back.isEmpty() && back.takeChanged());
        assertTrue(OnlineSchemaChanges.PendingAlters.decode("").isEmpty());
        assertTrue(OnlineSchemaChanges.PendingAlters.decode(null).isEmpty());
    }
}
