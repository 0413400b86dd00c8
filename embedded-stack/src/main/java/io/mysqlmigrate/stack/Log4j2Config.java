package io.mysqlmigrate.stack;

import java.nio.file.Path;
import java.util.Map;

/** A log4j2 XML configuration that sends everything to one rolling file and nothing to stdout. */
final class Log4j2Config {
    private Log4j2Config() {
    }

    static String render(Path logFile, String rootLevel, Map<String, String> loggerLevels) {
        String file = xml(logFile.toAbsolutePath().toString());
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- Written by io.mysqlmigrate.stack: all output to a file, never to stdout. -->\n")
                .append("<Configuration status=\"WARN\">\n")
                .append("  <Appenders>\n")
                .append("    <RollingFile name=\"file\" fileName=\"").append(file)
                .append("\" filePattern=\"").append(file).append(".%i\">\n")
                .append("      <PatternLayout pattern=\"%d{ISO8601} %-5p [%t] %c - %m%n\"/>\n")
                .append("      <Policies><SizeBasedTriggeringPolicy size=\"100 MB\"/></Policies>\n")
                .append("      <DefaultRolloverStrategy max=\"3\"/>\n")
                .append("    </RollingFile>\n")
                .append("  </Appenders>\n")
                .append("  <Loggers>\n");
        loggerLevels.forEach((logger, level) -> out.append("    <Logger name=\"").append(xml(logger))
                .append("\" level=\"").append(xml(level)).append("\"/>\n"));
        out.append("    <Root level=\"").append(xml(rootLevel)).append("\"><AppenderRef ref=\"file\"/></Root>\n")
                .append("  </Loggers>\n")
                .append("</Configuration>\n");
        return out.toString();
    }

    /** The JVM flags that point log4j2 (and a log4j 1 bridge, if any) at {@code configFile}. */
    static java.util.List<String> jvmFlags(Path configFile) {
        String path = configFile.toAbsolutePath().toString();
        return java.util.List.of("-Dlog4j2.configurationFile=" + path, "-Dlog4j.configurationFile=" + path);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
