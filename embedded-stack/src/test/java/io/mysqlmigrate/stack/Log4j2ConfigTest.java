package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class Log4j2ConfigTest {

    @Test
    void rendersWellFormedXmlWithAFileAppenderOnly() throws Exception {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("org.apache.kafka.clients", "WARN");
        levels.put("io.mysqlmigrate", "INFO");
        String xml = Log4j2Config.render(Path.of("/tmp/a&b/<x>.log"), "INFO", levels);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element appender = (Element) doc.getElementsByTagName("RollingFile").item(0);
        assertEquals("/tmp/a&b/<x>.log", appender.getAttribute("fileName"));
        assertEquals(0, doc.getElementsByTagName("Console").getLength());
        NodeList loggers = doc.getElementsByTagName("Logger");
        assertEquals(2, loggers.getLength());
        assertEquals("org.apache.kafka.clients", ((Element) loggers.item(0)).getAttribute("name"));
        assertEquals("WARN", ((Element) loggers.item(0)).getAttribute("level"));
        assertEquals("INFO", ((Element) doc.getElementsByTagName("Root").item(0)).getAttribute("level"));
        assertFalse(xml.contains("SYSTEM_OUT"));
    }

    @Test
    void jvmFlagsPointBothLog4jPropertiesAtTheFile() {
        assertEquals(java.util.List.of("-Dlog4j2.configurationFile=/c/l.xml", "-Dlog4j.configurationFile=/c/l.xml"),
                Log4j2Config.jvmFlags(Path.of("/c/l.xml")));
    }
}
