INSERT INTO `group` VALUES (2, 'before');
-- Debezium's DDL parser reads the unqualified new name with the doubled backtick kept (ta``ble), the binary log's
-- rows name ta`ble: without the source's check its later rows are refused as a table "whose schema isn't known"
ALTER TABLE `group` RENAME TO `ta``ble`;
INSERT INTO `ta``ble` VALUES (3, 'after');
