package io.mysqlmigrate.e2e;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.stack.FlavourPair;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One folder of the scenario corpus ({@code src/test/resources/scenarios/<name>/}, format in its README.md): the
 * source's schema and rows, the live script, and {@code scenario.properties}. Unknown keys are an error naming the
 * folder, so a misspelt expectation never passes in silence.
 */
record Scenario(String name, Path dir, String schema, Optional<String> live, Properties settings) {

    static final String CORPUS = "scenarios";

    private static final Set<String> PLAIN_KEYS = Set.of("description", "flavours", "destinations", "pairs", "session.sql_mode",
            "session.time_zone", "accounts", "expect", "failure.message");
    private static final Pattern KEY_PREFIXES = Pattern.compile("(source|sink)\\..+|known-gap\\.[a-z]+-[a-z]+");

    enum Expect {
        IDENTICAL, FAILURE
    }

    static List<Scenario> loadAll(Path corpus) {
        try (Stream<Path> dirs = Files.list(corpus)) {
            return dirs.filter(Files::isDirectory).sorted().map(Scenario::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario load(Path dir) {
        String name = dir.getFileName().toString();
        try {
            Path schema = dir.resolve("schema.sql");
            if (!Files.isRegularFile(schema)) {
                throw new IllegalArgumentException("scenarios/" + name + " has no schema.sql");
            }
            Path live = dir.resolve("live.sql");
            Properties settings = new Properties();
            Path properties = dir.resolve("scenario.properties");
            if (Files.isRegularFile(properties)) {
                try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
                    settings.load(reader);
                }
            }
            for (String key : settings.stringPropertyNames()) {
                if (!PLAIN_KEYS.contains(key) && !KEY_PREFIXES.matcher(key).matches()) {
                    throw new IllegalArgumentException("scenarios/" + name + "/scenario.properties: unknown key '" + key
                            + "' (see scenarios/README.md)");
                }
            }
            Scenario scenario = new Scenario(name, dir, Files.readString(schema),
                    Files.isRegularFile(live) ? Optional.of(Files.readString(live)) : Optional.empty(), settings);
            scenario.expect(); // validates
            for (String id : settings.getProperty("pairs", "").split(",")) {
                if (!id.isBlank() && java.util.Arrays.stream(FlavourPair.values()).noneMatch(p -> p.id().equals(id.strip()))) {
                    throw new IllegalArgumentException("scenarios/" + name + ": pairs lists an unknown pair '" + id.strip()
                            + "' (mariadb-mariadb, mysql-mysql, mysql-mariadb, mariadb-mysql)");
                }
            }
            scenario.flavours("flavours");
            scenario.flavours("destinations");
            if (scenario.expect() == Expect.FAILURE && scenario.failureMessage().isEmpty()) {
                throw new IllegalArgumentException("scenarios/" + name + ": expect=failure needs failure.message");
            }
            return scenario;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenarios/" + name, e);
        }
    }

    String description() {
        return settings.getProperty("description", "");
    }

    /** Whether the scripts are written for the pair's source flavour and the pair's destination is allowed. */
    boolean runsOn(FlavourPair pair) {
        String pairs = settings.getProperty("pairs", "").strip();
        if (!pairs.isEmpty() && java.util.Arrays.stream(pairs.split(",")).map(String::strip).noneMatch(pair.id()::equals)) {
            return false;
        }
        return flavours("flavours").contains(pair.source()) && flavours("destinations").contains(pair.destination());
    }

    Expect expect() {
        String value = settings.getProperty("expect", "identical").strip().toUpperCase(Locale.ROOT);
        try {
            return Expect.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenarios/" + name + ": expect must be identical or failure, not " + value);
        }
    }

    Optional<Pattern> failureMessage() {
        return Optional.ofNullable(settings.getProperty("failure.message")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> Pattern.compile(s, Pattern.DOTALL));
    }

    Optional<String> knownGap(FlavourPair pair) {
        return Optional.ofNullable(settings.getProperty("known-gap." + pair.id())).map(String::strip);
    }

    boolean leastPrivilege() {
        String accounts = settings.getProperty("accounts", "admin").strip();
        if (!accounts.equals("admin") && !accounts.equals("least-privilege")) {
            throw new IllegalArgumentException("scenarios/" + name + ": accounts must be admin or least-privilege");
        }
        return accounts.equals("least-privilege");
    }

    Optional<String> sessionSqlMode() {
        return Optional.ofNullable(settings.getProperty("session.sql_mode")).map(String::strip);
    }

    Optional<String> sessionTimeZone() {
        return Optional.ofNullable(settings.getProperty("session.time_zone")).map(String::strip);
    }

    /** Connector settings for {@code side} ("source" or "sink"), prefix removed. */
    Map<String, String> connectorSettings(String side) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(settings.stringPropertyNames())) {
            if (key.startsWith(side + ".")) {
                out.put(key.substring(side.length() + 1), settings.getProperty(key).strip());
            }
        }
        return out;
    }

    /**
     * Whether this scenario can share a migration with others: nothing of its own to set, expected identical, no
     * known gap on this pair (a gap may stop its migration, and a differing table fails the shared cutover's
     * verification for all of them; gaps are listed for every pair they were measured on).
     */
    boolean shareable(FlavourPair pair) {
        return connectorSettings("source").isEmpty() && connectorSettings("sink").isEmpty() && !leastPrivilege()
                && expect() == Expect.IDENTICAL && knownGap(pair).isEmpty();
    }

    /** The scenario's database on the servers of {@code pair}: its name, cut to fit, and the pair's tag. */
    String database(FlavourPair pair) {
        String base = name.length() > 56 ? name.substring(0, 56) : name;
        return base + "_" + pair.tag();
    }

    private List<Flavour> flavours(String key) {
        List<Flavour> out = new ArrayList<>();
        for (String part : settings.getProperty(key, "mariadb,mysql").split(",")) {
            String value = part.strip().toUpperCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            try {
                out.add(Flavour.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scenarios/" + name + ": " + key + " lists an unknown flavour '"
                        + part.strip() + "' (mariadb, mysql)");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
