package io.mysqlmigrate.precheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/**
 * {@code --output text|json}, the same on every command (a picocli mixin), and the one way a command that cannot run
 * says so: the message on standard error, and with JSON output also {@code {"error": ..., "exitCode": 2}} on standard
 * output, so a script reading standard output always gets a JSON document.
 */
public final class Output {

    /** The exit code of every command that cannot run (bad options, unreadable configuration, a server that does not answer). */
    static final int CANNOT_RUN = 2;

    /** The formats, as typed on the command line. */
    enum Format { text, json }

    @Option(names = {"--output", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: one JSON document on standard output (status --watch: one a line); "
                    + "docs/CLI.md lists its fields.")
    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }

    /** Reports why the command cannot run and returns its exit code, 2. */
    int cannotRun(String what, String message) {
        System.err.println(what + ": " + message);
        if (json()) {
            System.out.println(error(what + ": " + message));
        }
        return CANNOT_RUN;
    }

    static String error(String message) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("error", message).put("exitCode", CANNOT_RUN);
        return root.toString();
    }
}
