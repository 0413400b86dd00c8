package io.mysqlmigrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectContextTest {

    private static final ObjectContext EVENT = new ObjectContext("EVENT", "ev", "ANSI_QUOTES,PIPES_AS_CONCAT", "latin1",
            "latin1_swedish_ci", "utf8mb4_general_ci", "+02:00");

    @Test
    void travelsInHeadersAndComesBackEqual() {
        Map<String, String> headers = EVENT.headers();
        assertEquals("ANSI_QUOTES,PIPES_AS_CONCAT", headers.get("mysqlmigrate.object.sql_mode"));
        assertEquals(EVENT, ObjectContext.fromHeaders(headers::get));
    }

    @Test
    void aViewLeavesOutWhatItDoesNotRecord() {
        ObjectContext view = new ObjectContext("VIEW", "v", "", "utf8mb4", "utf8mb4_general_ci", null, null);
        assertFalse(view.headers().containsKey(ObjectContext.TIME_ZONE));
        assertFalse(view.headers().containsKey(ObjectContext.COLLATION_DATABASE));
        assertEquals(view, ObjectContext.fromHeaders(view.headers()::get));
        assertEquals("SET SESSION sql_mode = '', character_set_client = utf8mb4, collation_connection = utf8mb4_general_ci",
                view.sessionStatement(), "an empty sql_mode is a mode too");
    }

    @Test
    void aRecordWithoutObjectHeadersHasNoContext() {
        assertNull(ObjectContext.fromHeaders(name -> null));
    }

    @Test
    void setsTheSessionOfTheObject() {
        assertEquals("SET SESSION sql_mode = 'ANSI_QUOTES,PIPES_AS_CONCAT', character_set_client = latin1, "
                + "collation_connection = latin1_swedish_ci, time_zone = '+02:00'", EVENT.sessionStatement());
        assertEquals("event `d`.`ev`", EVENT.describe("d"));
    }

    @Test
    void refusesValuesThatAreNoNames() {
        assertThrows(IllegalArgumentException.class, () -> new ObjectContext("PROCEDURE", "p", "ANSI'; DROP DATABASE x; --", null,
                null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ObjectContext("PROCEDURE", "p", null, "latin1; SET x", null, null, null));
    }

    @Test
    void onlyTextOutsideAsciiInAnotherCharacterSetThanUtf8NeedsAConnectionOfItsOwn() {
        assertFalse(ObjectSession.needsOwnEncoding("SELECT 'cafe'", "latin1"));
        assertTrue(ObjectSession.needsOwnEncoding("SELECT 'caf\u00e9'", "latin1"));
        assertFalse(ObjectSession.needsOwnEncoding("SELECT 'caf\u00e9'", "utf8mb4"));
        assertFalse(ObjectSession.needsOwnEncoding("SELECT 'caf\u00e9'", "utf8mb3"));
        assertFalse(ObjectSession.needsOwnEncoding("SELECT 'caf\u00e9'", null));
    }
}
