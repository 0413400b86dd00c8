package io.mysqlmigrate.source.capture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnapshotDefinitionsTest {

    private static final String SHOWN = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `yr` int NOT NULL,\n  PRIMARY KEY (`id`,`yr`)\n"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci\n/*!50100 PARTITION BY RANGE (`yr`)\n"
            + "(PARTITION p2020 VALUES LESS THAN (2021) ENGINE = InnoDB,\n PARTITION pmax VALUES LESS THAN MAXVALUE ENGINE = InnoDB) */";

    @Test
    void debeziumsStatementIsTheShownOneWithoutItsVersionedComments() {
        String emitted = "CREATE TABLE `t` ( `id` int NOT NULL, `yr` int NOT NULL, PRIMARY KEY (`id`,`yr`) ) ENGINE=InnoDB "
                + "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci";
        assertTrue(SnapshotDefinitions.sameWithoutVersionedComments(SHOWN, emitted));
    }

    @Test
    void aTableThatChangedSinceIsNotTakenForTheSame() {
        String emitted = "CREATE TABLE `t` ( `id` int NOT NULL, `yr` int NOT NULL, `extra` int, PRIMARY KEY (`id`,`yr`) ) "
                + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci";
        assertFalse(SnapshotDefinitions.sameWithoutVersionedComments(SHOWN, emitted));
    }
}
