package io.mysqlmigrate.localrun;

import io.mysqlmigrate.stack.StackException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The main job: {@code ./local-run.sh} runs a real migration on this machine and leaves it running;
 * {@code ./local-run.sh status} shows it; {@code ./local-run.sh stop} ends it.
 */
@Command(name = "local-run.sh", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs a real migration on this machine, detached under .local-run/: a private source MariaDB with demo "
                    + "data, a private destination MariaDB, a Kafka broker and a Connect worker; registers both connectors "
                    + "through the worker's REST API from config/embedded/, shows the full load, makes live changes and "
                    + "shows them arrive, and compares source and destination.",
            "Without a command it runs 'start'. Exit codes: 0 identical / stopped / healthy, 1 failure or difference, "
                    + "2 wrong options."},
        subcommands = {LocalRun.Start.class, LocalRun.Status.class, LocalRun.Stop.class},
        footer = {"", "Examples:",
            "  ./local-run.sh                        # the demo",
            "  ./local-run.sh status",
            "  ./local-run.sh stop",
            "  ./local-run.sh --source-host db1 --source-user repl --source-password \\",
            "                 --databases shop,crm   # an existing source (asks for the password)",
            "",
            "The operator's command (precheck, status, verify, cutover) is built with the run:",
            "  precheck-cli/target/mysql-migrate-<version>/bin/mysql-migrate --help",
            "The run prints its exact lines for the stack it started (section 'Look around'); docs/CLI.md has the rest.",
            "The build runs only when a source changed (LOCAL_RUN_BUILD=always forces it)."})
public final class LocalRun implements Callable<Integer> {
    /** System property with the project root (the checkout); the script sets it, else the current directory. */
    public static final String ROOT_PROPERTY = "mysqlmigrate.localrun.root";
    /** System property with the directory the user ran the script from (paths are shown relative to it). */
    public static final String CWD_PROPERTY = "mysqlmigrate.localrun.cwd";
    /** System property naming this program's log file; read by log4j2.xml. */
    public static final String LOG_PROPERTY = "mysqlmigrate.localrun.log";

    /** What every command needs. */
    /**
     * @param displayBase paths below it are shown relative to it: the project root when the user started there,
     *        else null (absolute paths)
     */
    record Context(Path projectRoot, Path displayBase, Terminal term, boolean verbose) {
        Path configDir() {
            return projectRoot.resolve("config").resolve("embedded");
        }

        Path pluginDir() {
            return projectRoot.resolve("local-run").resolve("target").resolve("plugins");
        }

        /** A path as the console shows it: relative to the project root when the user started there. */
        String display(Path path) {
            return Format.path(displayBase, path);
        }
    }

    /** Options of every command. */
    static final class CommonOptions {
        @Option(names = "--state-dir", paramLabel = "DIR",
                description = "Where the servers keep data, logs and pids (default: .local-run in the project root).")
        Path stateDir;

        @Option(names = {"-v", "--verbose"}, description = "Show stack traces and whole connector traces.")
        boolean verbose;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    @Mixin
    StartOptions startOptions = new StartOptions();

    @Mixin
    CommonOptions common = new CommonOptions();

    private final Terminal term;
    private final Path projectRoot;
    private final Path displayBase;

    LocalRun(Terminal term, Path projectRoot) {
        this.term = term;
        this.projectRoot = projectRoot;
        Path cwd = Path.of(System.getProperty(CWD_PROPERTY, System.getProperty("user.dir"))).toAbsolutePath().normalize();
        this.displayBase = cwd.equals(projectRoot) ? projectRoot : null;
    }

    public static void main(String[] args) {
        int code = execute(args, Terminal.system(System.out, System.err));
        System.exit(code);
    }

    /** Runs one command and returns its exit code; never exits the JVM (the integration test calls this). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, new Terminal(out, err, false, true, 100));
    }

    static int execute(String[] args, Terminal term) {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, System.getProperty("user.dir"))).toAbsolutePath().normalize();
        return commandLine(term, root).execute(args);
    }

    static CommandLine commandLine(Terminal term, Path root) {
        return commandLine(new LocalRun(term, root));
    }

    static CommandLine commandLine(LocalRun command) {
        Terminal term = command.term;
        CommandLine cmd = new CommandLine(command);
        cmd.setParameterExceptionHandler((e, args) -> {
            term.error("Error: " + e.getMessage());
            term.error("Run ./local-run.sh --help for the options.");
            return 2;
        });
        return cmd;
    }

    @Override
    public Integer call() {
        return start(startOptions, common);
    }

    int start(StartOptions options, CommonOptions own) {
        return guarded(own, state -> {
            RunPlan plan = options.plan();
            return new MainJob(context(own), plan, state).run();
        });
    }

    /** Sets the file log4j writes to; only effective before the first logger is created. */
    static void useLogFile(Path file) {
        System.setProperty(LOG_PROPERTY, file.toAbsolutePath().toString());
    }

    private Context context(CommonOptions own) {
        return new Context(projectRoot, displayBase, term, verbose(own));
    }

    private boolean verbose(CommonOptions own) {
        return own.verbose || common.verbose;
    }

    private StateDirectory stateDirectory(CommonOptions own) {
        Path dir = own.stateDir != null ? own.stateDir : common.stateDir;
        return new StateDirectory(dir != null ? dir : projectRoot.resolve(".local-run"));
    }

    @FunctionalInterface
    interface Body {
        int run(StateDirectory state) throws Exception;
    }

    /** Runs a command body and turns each kind of failure into its message and exit code. */
    int guarded(CommonOptions own, Body body) {
        StateDirectory state = stateDirectory(own);
        if (System.getProperty(LOG_PROPERTY) == null && state.exists()) {
            useLogFile(state.log());
        }
        try {
            return body.run(state);
        } catch (UsageException e) {
            term.error("Error: " + e.getMessage());
            term.error("Run ./local-run.sh --help for the options.");
            return 2;
        } catch (MainJob.AlreadyReported e) {
            trace(own, e.getCause());
            return 1;
        } catch (LocalRunException | StackException e) {
            term.error(term.bad() + " " + e.getMessage());
            trace(own, e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            term.error(term.bad() + " Interrupted.");
            return 1;
        } catch (Exception e) {
            term.error(term.bad() + " Unexpected failure: " + e + "\n  The stack trace is in " + state.log()
                    + (verbose(own) ? "" : "; run with --verbose to see it here") + ".");
            trace(own, e);
            return 1;
        }
    }

    private void trace(CommonOptions own, Throwable e) {
        try {
            LoggerFactory.getLogger(LocalRun.class).error("local-run failed", e);
        } catch (RuntimeException ignored) {
            // logging must never hide the failure itself
        }
        if (verbose(own)) {
            java.io.StringWriter w = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(w));
            term.error(w.toString());
        }
    }

    @Command(name = "start", description = "Start the servers and run the migration (the default command).",
            sortOptions = false)
    static final class Start implements Callable<Integer> {
        @ParentCommand
        LocalRun parent;

        @Mixin
        StartOptions options = new StartOptions();

        @Mixin
        CommonOptions common = new CommonOptions();

        @Override
        public Integer call() {
            return parent.start(options, common);
        }
    }

    @Command(name = "status", description = "Show whether each server runs, the connectors' states and the sink's progress.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        LocalRun parent;

        @Mixin
        CommonOptions common = new CommonOptions();

        @Override
        public Integer call() {
            return parent.guarded(common, state -> StackControl.status(state, parent.term, parent.displayBase,
                    parent.verbose(common)));
        }
    }

    @Command(name = "stop", description = "Stop every server of the local run (exit 0 also when nothing runs).")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        LocalRun parent;

        @Mixin
        CommonOptions common = new CommonOptions();

        @Override
        public Integer call() {
            return parent.guarded(common, state -> StackControl.stop(state, parent.term, parent.displayBase));
        }
    }
}
