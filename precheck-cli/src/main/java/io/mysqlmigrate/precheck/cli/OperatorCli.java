package io.mysqlmigrate.precheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator's tool, one command per stage of a migration: {@code precheck} before it starts, {@code status} and
 * {@code verify} while it runs, {@code cutover} at its end.
 */
@Command(name = "mysql-migrate", mixinStandardHelpOptions = true, subcommands = {PrecheckCli.class, StatusCommand.class, VerifyCommand.class, CutoverCommand.class},
        description = "Operate a MySQL/MariaDB migration: precheck, status, verify, cutover.")
public final class OperatorCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new OperatorCli()).execute(args));
    }
}
