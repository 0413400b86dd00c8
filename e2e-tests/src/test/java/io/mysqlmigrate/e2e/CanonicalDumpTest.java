package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CanonicalDumpTest {

    @Test
    void columnLinesOfBothFlavoursMeanTheSame() {
        String mariadb = "column | 5 | code | varchar(12) | YES | concat('c-',1 + 1) |  | utf8mb4 | utf8mb4_general_ci |  | ";
        String mysql = "column | 5 | code | varchar(12) | YES | concat(_utf8mb4\\'c-\\',(1 + 1)) | DEFAULT_GENERATED | utf8mb4 | utf8mb4_general_ci |  | ";
        assertEquals(CanonicalDump.normaliseColumnLine(mariadb), CanonicalDump.normaliseColumnLine(mysql));
        assertEquals(CanonicalDump.normaliseColumnLine("column | 1 | id | int(11) | NO | 'a' | on update current_timestamp() | - | - |  | "),
                CanonicalDump.normaliseColumnLine("column | 1 | id | int | NO | a | DEFAULT_GENERATED on update CURRENT_TIMESTAMP | - | - |  | "));
        // no default: MariaDB's COLUMN_DEFAULT is the text NULL, MySQL's is SQL NULL, which the dump reads as \N
        assertEquals(CanonicalDump.normaliseColumnLine("column | 3 | email | varchar(40) | YES | NULL |  | utf8mb4 | utf8mb4_general_ci |  | "),
                CanonicalDump.normaliseColumnLine("column | 3 | email | varchar(40) | YES | \\N |  | utf8mb4 | utf8mb4_general_ci |  | "));
    }

    @Test
    void generationExpressionsOfBothFlavoursMeanTheSame() {
        assertEquals(CanonicalDump.normaliseColumnLine("column | 3 | name | varchar(20) | YES | NULL | VIRTUAL GENERATED | utf8mb4 | utf8mb4_general_ci |  | json_value(`doc`,'$.name')"),
                CanonicalDump.normaliseColumnLine("column | 3 | name | varchar(20) | YES | \\N | VIRTUAL GENERATED | utf8mb4 | utf8mb4_general_ci |  | json_value(`doc`, _utf8mb4\\'$.name\\' returning char(512))"));
        assertNotEquals(CanonicalDump.generationExpression("json_value(`doc`,'$.name')"), CanonicalDump.generationExpression("json_value(`doc`,'$.other')"));
        assertEquals(CanonicalDump.generationExpression("`a` + `b`"), CanonicalDump.generationExpression("(`a` + `b`)"));
        assertEquals("(`a`) + (`b`)", CanonicalDump.generationExpression("(`a`) + (`b`)"), "two parenthesised terms keep theirs");
        assertEquals(CanonicalDump.normaliseColumnLine("column | 7 | gc | geometrycollection | YES | NULL |  | - | - |  | "),
                CanonicalDump.normaliseColumnLine("column | 7 | gc | geomcollection | YES | \\N |  | - | - |  | "));
    }

    @Test
    void mysqlsJsonIsMariaDbsLongtextInUtf8mb4Bin() {
        assertEquals(CanonicalDump.normaliseColumnLine("column | 2 | doc | longtext | YES | NULL |  | utf8mb4 | utf8mb4_bin |  | "),
                CanonicalDump.normaliseColumnLine("column | 2 | doc | json | YES | \\N |  | - | - |  | "));
        assertNotEquals(CanonicalDump.normaliseColumnLine("column | 2 | doc | longtext | YES | NULL |  | utf8mb4 | utf8mb4_general_ci |  | "),
                CanonicalDump.normaliseColumnLine("column | 2 | doc | json | YES | \\N |  | - | - |  | "));
    }

    @Test
    void differentDefaultsStayDifferent() {
        assertNotEquals(CanonicalDump.defaultExpression("'a'"), CanonicalDump.defaultExpression("'b'"));
        assertNotEquals(CanonicalDump.defaultExpression("NULL"), CanonicalDump.defaultExpression("'NULL'"));
    }

    @Test
    void generatedExpressionsSpelledWithSynonymsMeanTheSame() {
        assertEquals(CanonicalDump.generationExpression("ucase(`name`)"), CanonicalDump.generationExpression("(upper(`name`))"));
        assertNotEquals(CanonicalDump.generationExpression("ucase(`name`)"), CanonicalDump.generationExpression("lower(`name`)"));
    }
}
