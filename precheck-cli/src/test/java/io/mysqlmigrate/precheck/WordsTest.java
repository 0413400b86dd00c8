package io.mysqlmigrate.precheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void oneTakesTheSingularEveryOtherCountThePlural() {
        assertEquals("1 chunk", Words.count(1, "chunk", "chunks"));
        assertEquals("0 chunks", Words.count(0, "chunk", "chunks"));
        assertEquals("2 warnings", Words.count(2, "warning", "warnings"));
        assertEquals("1 table", Words.count(1, "table", "tables"));
    }
}
