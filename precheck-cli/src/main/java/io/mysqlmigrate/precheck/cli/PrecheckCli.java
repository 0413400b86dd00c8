package io.mysqlmigrate.precheck.cli;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Precheck;
import io.mysqlmigrate.precheck.progress.ConnectApi;
import io.mysqlmigrate.stack.ConnectRestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code precheck}: every prerequisite of the migration described by the two connector files, checked against the
 * live servers before anything starts. Exit code 0 when it may start, 1 when a check fails (or a warning is not
 * acknowledged), 2 when the checks cannot run.
 */
@Command(name = "precheck", mixinStandardHelpOptions = true,
        description = "Checks every prerequisite of a migration before it starts, each with its fix.")
public final class PrecheckCli implements Callable<Integer> {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int CANNOT_RUN = 2;

    @Mixin
    MigrationFiles files;

    @Option(names = "--ack", split = ",", description = "Acknowledge a WARN by its check id (repeatable). FAIL cannot be.")
    Set<String> acknowledged = new HashSet<>();

    @Mixin
    Output output;

    @Option(names = "--assess", description = "Also run the migration assessment: indexes too long under utf8mb4; views, "
            + "routines, triggers and foreign keys that use tables outside the selection; and values the capture would change "
            + "or cannot carry (zero dates, YEAR 0000, latin1 bytes undefined in Windows-1252, ...), which reads every "
            + "selected table with a date or latin1 column once; and unique keys whose values collide under the collation "
            + "the destination gives them, compared on the destination, which reads each such key once.")
    boolean assess;

    @Override
    public Integer call() {
        files.validate();
        String connectUrl = files.connectUrl();
        List<CheckResult> results;
        try {
            ConnectorFile source = files.sourceConnector();
            ConnectorFile sink = files.sinkConnector();
            try (CheckContext context = CheckContext.open(source.name(), source.config(), sink.config())) {
                List<Check> checks = new ArrayList<>(Precheck.all());
                if (assess) {
                    checks.addAll(Precheck.assessment());
                }
                if (connectUrl != null) {
                    checks.addAll(Precheck.kafka(connectUrl));
                }
                results = Precheck.run(context, checks);
            }
        } catch (ConfigException e) {
            return output.cannotRun("A setting is invalid", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return output.cannotRun("The checks cannot run", "interrupted");
        } catch (Exception e) {
            return output.cannotRun("The checks cannot run", e instanceof ConnectRestException ? ConnectApi.explain(e)
                    : e.getMessage());
        }
        boolean passes = Precheck.passes(results, acknowledged);
        if (output.json()) {
            System.out.println(ReportPrinter.json(results, acknowledged, passes));
        } else {
            System.out.print(ReportPrinter.text(results, acknowledged, System.console() != null));
        }
        return passes ? PASSED : FAILED;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PrecheckCli()).execute(args));
    }
}
