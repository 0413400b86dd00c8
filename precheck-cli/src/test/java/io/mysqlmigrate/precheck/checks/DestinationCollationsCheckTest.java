package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which used collations a destination lacks: the comparison alone, for pairs no machine here can start (MySQL 8 to MariaDB). */
class DestinationCollationsCheckTest {

    @Test
    void aMySqlCollationIsMissingOnMariaDbAndNamesWhereItIsUsed() {
        Map<String, Set<String>> used = new TreeMap<>(Map.of(
                "utf8mb4_0900_ai_ci", Set.of("shop.orders", "database shop"),
                "utf8mb4_general_ci", Set.of("shop.customers"),
                "LATIN1_SWEDISH_CI", Set.of("shop.legacy")));
        Set<String> mariaDb = Set.of("utf8mb4_general_ci", "utf8mb4_unicode_520_ci", "latin1_swedish_ci", "utf8mb4_uca1400_ai_ci");
        assertEquals(Map.of("utf8mb4_0900_ai_ci", Set.of("shop.orders", "database shop")),
                DestinationCollationsCheck.missing(used, mariaDb), "names compare without regard to case");
    }

    @Test
    void nothingIsMissingWhenTheDestinationHasEveryCollation() {
        assertEquals(Map.of(), DestinationCollationsCheck.missing(Map.of("utf8mb4_uca1400_ai_ci", Set.of("a.b")),
                Set.of("utf8mb4_uca1400_ai_ci")));
    }
}
