package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.stack.SharedStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema changes a live source makes, streamed through the real stack between the rows they separate: indexes
 * created and dropped, tables created, renamed, truncated and dropped, columns added, changed and dropped. The
 * destination must end with the same definitions and rows.
 */
class DdlInOrderOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void everyKindOfTableDdlArrivesInOrderWithTheRows() throws Exception {
        String db = "ddl_kinds";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(20), KEY ix_old (v))", "INSERT INTO " + db + ".a VALUES (1, 'one'), (2, 'two')",
                "CREATE TABLE gone (id INT PRIMARY KEY)", "INSERT INTO " + db + ".gone VALUES (1)",
                "CREATE TABLE emptied (id INT PRIMARY KEY)", "INSERT INTO " + db + ".emptied VALUES (1), (2)");
        try (Migration migration = new Migration(stack, "m-ddl", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute(
                    "INSERT INTO " + db + ".a VALUES (3, 'three')", // streamed; also moves the sink to the binlog
                    // No default database in this session: the statements name theirs only in the table reference.
                    "CREATE INDEX ix_v ON " + db + ".a (v, id)",
                    "DROP INDEX ix_old ON " + db + ".a",
                    "INSERT INTO " + db + ".a VALUES (4, 'four')",
                    "ALTER TABLE " + db + ".a ADD COLUMN w INT NULL, ADD UNIQUE KEY uk_w (w)",
                    "UPDATE " + db + ".a SET w = id * 10",
                    "ALTER TABLE " + db + ".a MODIFY v VARCHAR(40) NOT NULL DEFAULT ''",
                    "USE " + db, // unqualified statements below: their database comes from the session
                    "CREATE TABLE fresh (id BIGINT UNSIGNED PRIMARY KEY, note TEXT)",
                    "INSERT INTO fresh VALUES (18446744073709551615, 'max')",
                    "CREATE INDEX ix_note ON fresh (note(10))",
                    "RENAME TABLE fresh TO renamed",
                    "INSERT INTO renamed VALUES (5, 'after rename')",
                    "TRUNCATE TABLE emptied",
                    "INSERT INTO emptied VALUES (9)",
                    "DROP TABLE gone",
                    "ALTER TABLE a DROP COLUMN w",
                    "INSERT INTO a VALUES (5, 'five')");
            var result = migration.awaitIdentical(Duration.ofSeconds(90));
            assertEquals(List.of("a", "emptied", "renamed"), result.stream().map(t -> t.table()).toList());
        }
    }
}
