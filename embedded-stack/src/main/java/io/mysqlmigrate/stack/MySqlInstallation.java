package io.mysqlmigrate.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where this machine's MySQL server lives: Debian unstable's {@code mysql-server-core} (MySQL 9.7) unpacked into a
 * debootstrap tree that {@code scripts/prepare-mysql.sh} makes once per machine, outside any clone, and every test
 * run reuses. The server runs straight from that tree through the tree's own dynamic loader and libraries, so it
 * needs no chroot and its data directory can live anywhere (each instance's under its own stack directory).
 *
 * <p>The tree is {@code $MYSQL_MIGRATE_MYSQL_ROOT}, or the system property {@value #ROOT_PROPERTY}, else
 * {@value #DEFAULT_ROOT}.
 */
public final class MySqlInstallation {
    public static final String ROOT_PROPERTY = "mysqlmigrate.mysql.root";
    public static final String ROOT_ENV = "MYSQL_MIGRATE_MYSQL_ROOT";
    public static final String DEFAULT_ROOT = "/var/cache/mysql-migrate/mysql-sid";
    /** Written by the preparation script once the tree is complete. */
    static final String READY_MARKER = ".mysql-migrate-ready";

    private final Path root;

    private MySqlInstallation(Path root) {
        this.root = root;
    }

    /** The prepared tree, or a StackException naming the one command that prepares it. */
    public static MySqlInstallation locate() {
        return at(configuredRoot());
    }

    static MySqlInstallation at(Path root) {
        MySqlInstallation installation = new MySqlInstallation(root);
        if (!Files.isRegularFile(root.resolve(READY_MARKER)) || !Files.isExecutable(installation.mysqld())
                || !Files.isExecutable(installation.loader())) {
            throw new StackException("MySQL 9.7 is not prepared on this machine (no complete tree at " + root
                    + "). Make it once with: sudo scripts/prepare-mysql.sh   (about 5 minutes the first time: "
                    + "debootstrap of Debian unstable and its mysql-server-core package; later runs reuse it). "
                    + "Set " + ROOT_ENV + " to use a tree elsewhere.");
        }
        return installation;
    }

    static Path configuredRoot() {
        String fromProperty = System.getProperty(ROOT_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty);
        }
        String fromEnv = System.getenv(ROOT_ENV);
        return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT_ROOT);
    }

    public Path root() {
        return root;
    }

    Path mysqld() {
        return root.resolve("usr/sbin/mysqld");
    }

    Path loader() {
        return root.resolve("lib64/ld-linux-x86-64.so.2");
    }

    /** The tree's version line, as its preparation recorded it. */
    public String description() {
        try {
            return Files.readString(root.resolve(READY_MARKER)).strip();
        } catch (java.io.IOException e) {
            return root.toString();
        }
    }

    /**
     * The command prefix that runs the tree's mysqld with the tree's own loader and libraries, followed by the
     * options that point it at the tree's messages and character sets.
     */
    List<String> mysqldCommand() {
        List<String> command = new ArrayList<>(List.of(
                loader().toString(),
                "--library-path", root.resolve("usr/lib/x86_64-linux-gnu") + ":" + root.resolve("lib/x86_64-linux-gnu"),
                mysqld().toString(),
                "--no-defaults",
                "--basedir=" + root.resolve("usr"),
                "--lc-messages-dir=" + root.resolve("usr/share/mysql"),
                "--character-sets-dir=" + root.resolve("usr/share/mysql/charsets")));
        return command;
    }
}
