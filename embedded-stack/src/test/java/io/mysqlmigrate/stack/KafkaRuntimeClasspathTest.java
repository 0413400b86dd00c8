package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaRuntimeClasspathTest {

    @Test
    void parseSplitsTrimsAndDropsBlankEntries() {
        String sep = File.pathSeparator;
        assertEquals(List.of("/a/x.jar", "/b/y.jar", "/c/z.jar"),
                KafkaRuntimeClasspath.parse(" /a/x.jar" + sep + sep + "/b/y.jar \n/c/z.jar" + sep + "\n"));
        assertEquals(List.of(), KafkaRuntimeClasspath.parse("  \n"));
    }

    @Test
    void missingListsEntriesThatDoNotExist() {
        assertEquals(List.of("/no/such/file.jar"),
                KafkaRuntimeClasspath.missing(List.of(System.getProperty("java.home"), "/no/such/file.jar")));
    }

    @Test
    void theBuiltResourceHoldsTheBrokerTheWorkerAndLog4j() {
        List<String> entries = KafkaRuntimeClasspath.parse(KafkaRuntimeClasspath.get());
        assertTrue(entries.stream().anyMatch(e -> e.contains("kafka_2.13-")), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.contains("connect-runtime-")), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.contains("log4j-core-")), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.contains("connect-file-")), entries.toString());
        assertEquals(List.of(), KafkaRuntimeClasspath.missing(entries));
    }
}
