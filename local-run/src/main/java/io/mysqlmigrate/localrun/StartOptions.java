package io.mysqlmigrate.localrun;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options of {@code start} (also accepted without the word start). {@link #plan()} validates them. */
final class StartOptions {
    static final int DEFAULT_PORT = 3306;
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> SYSTEM_DATABASES =
            Set.of("mysql", "information_schema", "performance_schema", "sys", "mysql_migrate");

    @Option(names = "--source-host", paramLabel = "HOST",
            description = "Use this existing source server instead of the private demo source (no demo data, no live changes).")
    String sourceHost;

    @Option(names = "--source-port", paramLabel = "PORT", description = "Port of the existing source (default 3306).")
    Integer sourcePort;

    @Option(names = "--source-user", paramLabel = "USER", description = "Account on the existing source (replication and SELECT privileges).")
    String sourceUser;

    @Option(names = "--source-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            prompt = "Password of the source account: ", defaultValue = "${env:MYSQL_MIGRATE_SOURCE_PASSWORD}",
            description = "Password on the existing source; give the option without a value to be asked for it "
                    + "(./local-run.sh asks before building), or set MYSQL_MIGRATE_SOURCE_PASSWORD.")
    String sourcePassword;

    @Option(names = "--destination-host", paramLabel = "HOST",
            description = "Use this existing destination server instead of a private one.")
    String destinationHost;

    @Option(names = "--destination-port", paramLabel = "PORT", description = "Port of the existing destination (default 3306).")
    Integer destinationPort;

    @Option(names = "--destination-user", paramLabel = "USER", description = "Account on the existing destination (needs to create databases and tables).")
    String destinationUser;

    @Option(names = "--destination-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            prompt = "Password of the destination account: ", defaultValue = "${env:MYSQL_MIGRATE_DESTINATION_PASSWORD}",
            description = "Password on the existing destination; give the option without a value to be asked for it "
                    + "(./local-run.sh asks before building), or set MYSQL_MIGRATE_DESTINATION_PASSWORD.")
    String destinationPassword;

    @Option(names = "--databases", paramLabel = "DB", split = ",", splitSynopsisLabel = ",",
            description = "With --source-host: the source databases to migrate.")
    List<String> databases;

    @Option(names = "--ack", paramLabel = "CHECK", split = ",", splitSynopsisLabel = ",",
            description = "Acknowledge a precheck WARN by its check id, as with mysql-migrate precheck --ack; a warning "
                    + "not acknowledged stops the run before anything is registered (a FAIL cannot be acknowledged).")
    List<String> acknowledged;

    @Option(names = "--live-seconds", paramLabel = "SECONDS", hidden = true, defaultValue = "10",
            description = "How long the demo's live writer runs (default ${DEFAULT-VALUE}).")
    int liveSeconds = 10;

    /** Checks the combination of options and returns what to do; a {@link UsageException} names what is wrong. */
    RunPlan plan() {
        Endpoint source = endpoint("source", sourceHost, sourcePort, sourceUser, sourcePassword);
        Endpoint destination = endpoint("destination", destinationHost, destinationPort, destinationUser,
                destinationPassword);
        List<String> names;
        if (source == null) {
            if (databases != null) {
                throw new UsageException("--databases applies only to an existing source (--source-host); the demo "
                        + "source migrates the database '" + RunPlan.DEMO_DATABASE + "' it creates itself.\n"
                        + "  Fix: drop --databases, or add --source-host, --source-user (and --source-password).");
            }
            names = List.of(RunPlan.DEMO_DATABASE);
        } else {
            if (databases == null || databases.stream().allMatch(d -> d == null || d.isBlank())) {
                throw new UsageException("--databases is required with --source-host: name the source databases to "
                        + "migrate.\n  Fix: add e.g. --databases shop,crm");
            }
            names = databaseNames(databases);
        }
        if (source != null && destination != null && sameServer(source, destination)) {
            throw new UsageException("--source-host/--source-port and --destination-host/--destination-port name the "
                    + "same server (" + source.address() + ").\n  Fix: migrate to another server, or leave out the "
                    + "--destination-* options to use a private destination.");
        }
        if (liveSeconds < 1 || liveSeconds > 3600) {
            throw new UsageException("--live-seconds must be between 1 and 3600, not " + liveSeconds);
        }
        java.util.Set<String> acks = new java.util.TreeSet<>();
        if (acknowledged != null) {
            acknowledged.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).forEach(acks::add);
        }
        return new RunPlan(source, destination, names, liveSeconds, acks);
    }

    private static Endpoint endpoint(String role, String host, Integer port, String user, String password) {
        String prefix = "--" + role + "-";
        if (host == null) {
            List<String> given = new ArrayList<>();
            if (port != null) {
                given.add(prefix + "port");
            }
            if (user != null) {
                given.add(prefix + "user");
            }
            if (password != null) {
                given.add(prefix + "password");
            }
            if (!given.isEmpty()) {
                throw new UsageException(String.join(", ", given) + (given.size() == 1 ? " needs " : " need ") + prefix
                        + "host: without it local-run starts its own private " + role + " MariaDB.\n  Fix: add "
                        + prefix + "host HOST, or drop " + String.join(", ", given) + ".");
            }
            return null;
        }
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException(prefix + "host '" + host + "' is not a host name or address.");
        }
        int p = port == null ? DEFAULT_PORT : port;
        if (p < 1 || p > 65535) {
            throw new UsageException(prefix + "port must be between 1 and 65535, not " + p + ".");
        }
        if (user == null || user.isBlank()) {
            throw new UsageException(prefix + "user is required with " + prefix + "host.\n  Fix: add " + prefix
                    + "user USER (and " + prefix + "password, or " + prefix + "password without a value to be asked).");
        }
        return new Endpoint(role, host.strip(), p, user, password, false);
    }

    private static List<String> databaseNames(List<String> given) {
        Set<String> names = new LinkedHashSet<>();
        for (String raw : given) {
            String name = raw == null ? "" : raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!DATABASE_NAME.matcher(name).matches()) {
                throw new UsageException("--databases: '" + name + "' is not supported here: use names of letters, "
                        + "digits, '_' and '-' (each becomes part of a Kafka topic name).");
            }
            if (SYSTEM_DATABASES.contains(name.toLowerCase(Locale.ROOT))) {
                throw new UsageException("--databases: '" + name + "' is a system database and is not migrated.\n"
                        + "  Fix: list only your application's databases.");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static boolean sameServer(Endpoint a, Endpoint b) {
        return a.port() == b.port() && normalise(a.host()).equals(normalise(b.host()));
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") ? "127.0.0.1" : h;
    }
}
