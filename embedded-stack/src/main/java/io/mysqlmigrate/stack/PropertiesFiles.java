package io.mysqlmigrate.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Renders and reads .properties files, keeping the order of the map (java.util.Properties does not). */
final class PropertiesFiles {
    private PropertiesFiles() {
    }

    static String render(String comment, Map<String, String> entries) {
        StringBuilder out = new StringBuilder();
        if (comment != null) {
            for (String line : comment.split("\\R")) {
                out.append("# ").append(line).append('\n');
            }
        }
        entries.forEach((key, value) ->
                out.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
        return out.toString();
    }

    static void write(Path file, String comment, Map<String, String> entries) {
        ProcessSupport.writeString(file, render(comment, entries));
    }

    static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    /** Escapes as Properties.load expects: backslash, line breaks, and in keys also '=', ':' and blanks. */
    static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!' -> {
                    if (key || (i == 0 && (c == '#' || c == '!'))) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                case ' ' -> {
                    if (key || i == 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
