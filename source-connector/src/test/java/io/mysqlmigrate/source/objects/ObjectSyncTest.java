package io.mysqlmigrate.source.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.dialect.ObjectContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session context an object was defined in travels with its CREATE, and a change of it alone replaces the object. */
class ObjectSyncTest {

    private static final String CREATE = "CREATE PROCEDURE \"p\"()\n    SQL SECURITY INVOKER\nSELECT 'a' || 'b'";

    private static ObjectContext context(String sqlMode) {
        return new ObjectContext("PROCEDURE", "p", sqlMode, "latin1", "latin1_swedish_ci", "utf8mb4_general_ci", null);
    }

    @Test
    void aCreateCarriesItsObjectsContextAndADropNone() {
        ObjectSync sync = new ObjectSync();
        SourceObject p = new SourceObject(ObjectKind.PROCEDURE, "d", "p", CREATE, context("PIPES_AS_CONCAT,ANSI_QUOTES"));
        assertEquals(List.of(new ObjectSync.Statement("d", CREATE, context("PIPES_AS_CONCAT,ANSI_QUOTES"))), sync.diff(List.of(p)));
        assertEquals(List.of(), sync.diff(List.of(p)), "nothing changed");

        SourceObject otherMode = new SourceObject(ObjectKind.PROCEDURE, "d", "p", CREATE, context("ANSI_QUOTES"));
        assertEquals(List.of(new ObjectSync.Statement("d", "DROP PROCEDURE IF EXISTS `p`", null),
                new ObjectSync.Statement("d", CREATE, context("ANSI_QUOTES"))), sync.diff(List.of(otherMode)),
                "the same text under another sql_mode is another routine ('a' || 'b' is no longer a concatenation)");
        assertEquals(List.of(new ObjectSync.Statement("d", "DROP PROCEDURE IF EXISTS `p`", null)), sync.diff(List.of()));
    }
}
