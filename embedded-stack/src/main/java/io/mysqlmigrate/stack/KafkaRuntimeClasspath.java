package io.mysqlmigrate.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path the broker and worker child JVMs run on. The build writes it (absolute jar paths in the local
 * Maven repository) into the resource {@code io/mysqlmigrate/stack/kafka-runtime.classpath}.
 */
public final class KafkaRuntimeClasspath {
    static final String RESOURCE = "kafka-runtime.classpath";
    private static volatile String cached;

    private KafkaRuntimeClasspath() {
    }

    /** The class path as one string for {@code -cp}; fails when the resource is absent or names missing jars. */
    public static String get() {
        String value = cached;
        if (value == null) {
            List<String> entries = parse(readResource());
            List<String> missing = missing(entries);
            if (!missing.isEmpty()) {
                throw new StackException("The Kafka runtime class path names " + missing.size()
                        + " missing file(s), e.g. " + missing.get(0)
                        + "; rebuild embedded-stack (mvn -pl embedded-stack install) on this machine");
            }
            value = String.join(File.pathSeparator, entries);
            cached = value;
        }
        return value;
    }

    /** Splits the text written by {@code dependency:build-classpath}; blank entries and whitespace are dropped. */
    static List<String> parse(String text) {
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String entry : line.split(File.pathSeparator)) {
                String trimmed = entry.strip();
                if (!trimmed.isEmpty()) {
                    entries.add(trimmed);
                }
            }
        }
        return entries;
    }

    static List<String> missing(List<String> entries) {
        List<String> missing = new ArrayList<>();
        for (String entry : entries) {
            if (!Files.exists(Path.of(entry))) {
                missing.add(entry);
            }
        }
        return missing;
    }

    private static String readResource() {
        try (InputStream in = KafkaRuntimeClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new StackException("Resource io/mysqlmigrate/stack/" + RESOURCE
                        + " not found: build embedded-stack with Maven (it is written by dependency:build-classpath)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (parse(text).isEmpty()) {
                throw new StackException("Resource io/mysqlmigrate/stack/" + RESOURCE + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
