package io.mysqlmigrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollationSubstitutesTest {

    /** A MariaDB before 10.10: no UCA 14 collations. */
    private static final Set<String> MARIADB_10_6 = Set.of("utf8mb4_general_ci", "utf8mb4_bin", "utf8mb4_nopad_bin",
            "utf8mb4_unicode_ci", "utf8mb4_unicode_nopad_ci", "utf8mb4_unicode_520_ci", "utf8mb4_unicode_520_nopad_ci",
            "utf8mb4_german2_ci", "latin1_swedish_ci");
    /** MariaDB 10.10+ (10.11 here) has the UCA 14 family, named per character set in COLLATION_CHARACTER_SET_APPLICABILITY. */
    private static final Set<String> MARIADB_10_11 = Set.of("utf8mb4_general_ci", "utf8mb4_uca1400_ai_ci",
            "utf8mb4_uca1400_nopad_ai_ci", "utf8mb4_uca1400_nopad_as_cs", "utf8mb4_nopad_bin", "utf8mb4_unicode_520_nopad_ci");
    /** MySQL 8.0+ (9.7 alike). */
    private static final Set<String> MYSQL = Set.of("utf8mb4_0900_ai_ci", "utf8mb4_0900_as_cs", "utf8mb4_0900_bin",
            "utf8mb4_general_ci", "utf8mb4_bin", "utf8mb4_unicode_520_ci", "utf8mb4_de_pb_0900_ai_ci", "latin1_swedish_ci");

    @Test
    void mysqlsDefaultOnMariaDbBefore1010KeepsNoPadAndCaseAndAccentInsensitivity() {
        assertEquals(Optional.of("utf8mb4_unicode_520_nopad_ci"), CollationSubstitutes.nearest("utf8mb4_0900_ai_ci", MARIADB_10_6));
        String note = CollationSubstitutes.note("utf8mb4_0900_ai_ci", "utf8mb4_unicode_520_nopad_ci");
        assertTrue(note.contains("same pad attribute (NO PAD)") && note.contains("UCA 5.2.0") && note.contains("UCA 9.0.0"), note);
    }

    @Test
    void mysqlsCollationsOnMariaDb1011UseItsUca14NoPadFamily() {
        assertEquals(Optional.of("utf8mb4_uca1400_nopad_ai_ci"), CollationSubstitutes.nearest("UTF8MB4_0900_AI_CI", MARIADB_10_11));
        assertEquals(Optional.of("utf8mb4_uca1400_nopad_as_cs"), CollationSubstitutes.nearest("utf8mb4_0900_as_cs", MARIADB_10_11));
        assertEquals(Optional.of("utf8mb4_nopad_bin"), CollationSubstitutes.nearest("utf8mb4_0900_bin", MARIADB_10_6));
        assertEquals(Optional.of("utf8mb4_nopad_bin"), CollationSubstitutes.nearest("utf8mb4_0900_as_cs", MARIADB_10_6));
        // a language tailoring the destination does not have falls back to the untailored Unicode collation
        assertEquals(Optional.of("utf8mb4_unicode_520_nopad_ci"), CollationSubstitutes.nearest("utf8mb4_de_pb_0900_ai_ci", MARIADB_10_6));
    }

    @Test
    void mariaDbsNoPadAndUca14CollationsOnMySql() {
        assertEquals(Optional.of("utf8mb4_0900_bin"), CollationSubstitutes.nearest("utf8mb4_nopad_bin", MYSQL));
        assertEquals(Optional.of("utf8mb4_0900_ai_ci"), CollationSubstitutes.nearest("utf8mb4_unicode_520_nopad_ci", MYSQL));
        assertEquals(Optional.of("utf8mb4_0900_ai_ci"), CollationSubstitutes.nearest("utf8mb4_uca1400_ai_ci", MYSQL));
        assertEquals(Optional.of("utf8mb4_0900_as_cs"), CollationSubstitutes.nearest("utf8mb4_uca1400_as_cs", MYSQL));
        assertTrue(CollationSubstitutes.note("utf8mb4_uca1400_ai_ci", "utf8mb4_0900_ai_ci").contains("PAD SPACE to NO PAD"));
    }

    @Test
    void stricterCollationsKeepThePadAttributeAndAreOnlyTheOnesTheDestinationHas() {
        assertEquals(java.util.List.of("utf8mb4_uca1400_nopad_as_cs", "utf8mb4_nopad_bin"),
                CollationSubstitutes.stricter("utf8mb4_uca1400_nopad_ai_ci", MARIADB_10_11), "no as_ci in this set");
        assertEquals(java.util.List.of("utf8mb4_0900_as_cs", "utf8mb4_0900_bin"), CollationSubstitutes.stricter("utf8mb4_0900_ai_ci", MYSQL),
                "NO PAD: MySQL has no utf8mb4_nopad_bin, its NO PAD binary one is utf8mb4_0900_bin");
        assertEquals(java.util.List.of("utf8mb4_bin"), CollationSubstitutes.stricter("utf8mb4_unicode_520_ci", MYSQL), "PAD SPACE stays");
        assertEquals(java.util.List.of(), CollationSubstitutes.stricter("utf8mb4_nopad_bin", MARIADB_10_11), "nothing is stricter than binary");
    }

    @Test
    void aCollationBothHaveIsItselfAndAnUnknownOneHasNoProposal() {
        assertEquals(Optional.of("latin1_swedish_ci"), CollationSubstitutes.nearest("latin1_swedish_ci", MYSQL));
        assertEquals(Optional.empty(), CollationSubstitutes.nearest("utf8mb4_klingon_ci", MYSQL));
    }
}
