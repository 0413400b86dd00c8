package io.mysqlmigrate.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One folder of the type-fidelity corpus ({@code src/test/resources/fidelity/<case>/}): the table's DDL, the rows
 * the snapshot carries, the changes the binary log carries, and what to expect. See the corpus README.
 */
record FidelityCase(String name, String table, String create, String rows, String stream, List<String> session,
                    boolean knownGap, String reason, boolean isolate, String note) {

    static final String CORPUS = "fidelity";

    static List<FidelityCase> loadAll(Path corpus) {
        try (Stream<Path> dirs = Files.list(corpus)) {
            List<FidelityCase> cases = new ArrayList<>();
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                cases.add(load(dir));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the corpus " + corpus, e);
        }
    }

    static FidelityCase load(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Properties expect = new Properties();
        Path expectFile = dir.resolve("expect");
        if (Files.exists(expectFile)) {
            try (Reader r = Files.newBufferedReader(expectFile, StandardCharsets.UTF_8)) {
                expect.load(r);
            }
        }
        String status = expect.getProperty("status", "exact").trim();
        if (!status.equals("exact") && !status.equals("known-gap")) {
            throw new IllegalArgumentException(expectFile + ": status must be exact or known-gap, not " + status);
        }
        boolean knownGap = status.equals("known-gap");
        String reason = expect.getProperty("reason", "").trim();
        if (knownGap && reason.isEmpty()) {
            throw new IllegalArgumentException(expectFile + ": a known gap needs a reason");
        }
        String create = read(dir.resolve("create.sql"));
        if (create == null) {
            throw new IllegalArgumentException(dir + " has no create.sql");
        }
        List<String> session = Arrays.stream(expect.getProperty("session", "").split(";")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new FidelityCase(name, expect.getProperty("table", name).trim(), create, read(dir.resolve("rows.sql")),
                read(dir.resolve("stream.sql")), session, knownGap, reason,
                Boolean.parseBoolean(expect.getProperty("isolate", "false").trim()), expect.getProperty("note", "").trim());
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /** The source database of this case: the shared one, or its own when isolated. */
    String database() {
        return isolate ? CORPUS + "_" + name : CORPUS;
    }
}
