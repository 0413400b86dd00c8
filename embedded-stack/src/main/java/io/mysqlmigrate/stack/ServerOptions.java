package io.mysqlmigrate.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one private database instance, MariaDB or MySQL; a small fluent builder ({@code new ServerOptions()}
 * or {@code ServerOptions.builder()}).
 */
public final class ServerOptions {
    private String name = "db";
    private Path baseDir;
    private int port;
    private int serverId = 1;
    private boolean binlog = true;
    private final List<String> extraArgs = new ArrayList<>();
    private boolean detached;
    private Boolean shutdownHook;

    public static ServerOptions builder() {
        return new ServerOptions();
    }

    /** Returns this: ServerOptions is its own builder. */
    public ServerOptions build() {
        return this;
    }

    /** Name of the instance: its directory under {@link #baseDir(Path)} and the name in log lines. */
    public ServerOptions name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The instance lives in {@code baseDir/name}. */
    public ServerOptions baseDir(Path baseDir) {
        this.baseDir = baseDir;
        return this;
    }

    /** 0 (the default) picks a free port. */
    public ServerOptions port(int port) {
        this.port = port;
        return this;
    }

    public ServerOptions serverId(int serverId) {
        this.serverId = serverId;
        return this;
    }

    /** Row-based binary log with full row images (default true). */
    public ServerOptions binlog(boolean binlog) {
        this.binlog = binlog;
        return this;
    }

    /** Server options appended last, so they override the defaults (e.g. --binlog-format=STATEMENT). */
    public ServerOptions extraArgs(List<String> extraArgs) {
        this.extraArgs.clear();
        this.extraArgs.addAll(extraArgs);
        return this;
    }

    public ServerOptions extraArgs(String... extraArgs) {
        return extraArgs(List.of(extraArgs));
    }

    /** When true the server outlives this JVM: no shutdown hook, own session. Stop it with stopFromDirectory. */
    public ServerOptions detached(boolean detached) {
        this.detached = detached;
        return this;
    }

    /** Whether a JVM shutdown hook stops the server; default: when not detached. */
    public ServerOptions shutdownHook(boolean shutdownHook) {
        this.shutdownHook = shutdownHook;
        return this;
    }

    public String name() {
        return name;
    }

    public Path baseDir() {
        return baseDir;
    }

    public int port() {
        return port;
    }

    public int serverId() {
        return serverId;
    }

    public boolean binlog() {
        return binlog;
    }

    public List<String> extraArgs() {
        return List.copyOf(extraArgs);
    }

    public boolean detached() {
        return detached;
    }

    boolean withShutdownHook() {
        return shutdownHook != null ? shutdownHook : !detached;
    }
}
