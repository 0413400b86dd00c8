package io.mysqlmigrate.precheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator's tool, one command per stage of a migration: {@code precheck} before it starts, {@code status} and
 * {@code verify} while it runs, {@code cutover} at its end. The distribution starts it as {@code bin/mysql-migrate}.
 */
@Command(name = "mysql-migrate", mixinStandardHelpOptions = true, versionProvider = OperatorCli.Version.class,
        subcommands = {PrecheckCli.class, StatusCommand.class, VerifyCommand.class, CutoverCommand.class},
        description = "Operate a MySQL/MariaDB migration: precheck, status, verify, cutover.",
        footer = {"", "Each command reads the two connector configurations from files (--source-config, --sink-config) or by "
                + "name from a Connect worker (--source-connector, --sink-connector, --connect-url). Exit codes: 0 passed / "
                + "healthy / identical / done, 1 failed / unhealthy / different, 2 cannot run. --output json: one JSON "
                + "document on standard output. Details: docs/CLI.md."})
public final class OperatorCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with short usage errors: the problem and where the options are, not the whole help. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new OperatorCli());
        cmd.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
            err.println("Error: " + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
                err.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            }
            err.flush();
            return Output.CANNOT_RUN;
        });
        return cmd;
    }

    /** The version the jar's manifest carries (Implementation-Version), as built. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OperatorCli.class.getPackage().getImplementationVersion();
            return new String[] {"mysql-migrate " + (version != null ? version : "(version unknown: not run from its jar)")};
        }
    }
}
