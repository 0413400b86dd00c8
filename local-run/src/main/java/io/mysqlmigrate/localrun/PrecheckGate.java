package io.mysqlmigrate.localrun;

import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Precheck;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.precheck.cli.ReportPrinter;
import io.mysqlmigrate.stack.ConnectorConfigTemplate;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The precheck-cli's checks on exactly the configurations about to be registered. As with the precheck CLI, a
 * FAIL, or a WARN not acknowledged ({@code --ack}, or one the demo raises on purpose), stops the run before anything
 * is registered.
 */
final class PrecheckGate {
    private PrecheckGate() {
    }

    static void pass(RunPlan plan, ConnectorConfigs configs, Terminal term) throws SQLException {
        term.println();
        term.println("Precheck (the checks of precheck-cli, on the configurations about to be registered)");
        ConnectorConfigTemplate src = configs.load(ConnectorConfigs.SOURCE_FILE);
        ConnectorConfigTemplate sink = configs.load(ConnectorConfigs.SINK_FILE);
        List<CheckResult> results;
        try (CheckContext checks = CheckContext.open(src.name(), src.config(), sink.config())) {
            results = Precheck.run(checks, Precheck.all());
        }
        Set<String> acknowledged = Acknowledgements.of(plan, results, term);
        for (String line : ReportPrinter.text(results, acknowledged, term.ansi()).split("\n")) {
            term.println("  " + line);
        }
        if (results.stream().anyMatch(r -> r.status() == Status.FAIL)) {
            throw new LocalRunException("The precheck failed; nothing was registered.\n  Fix: apply the fixes above, or run "
                    + "precheck-cli on the same configurations for the details, then start again.");
        }
        List<String> unacknowledged = results.stream().filter(r -> r.status() == Status.WARN && !acknowledged.contains(r.id()))
                .map(CheckResult::id).toList();
        if (!unacknowledged.isEmpty()) {
            throw new LocalRunException("The precheck warns (" + String.join(", ", unacknowledged) + "); nothing was "
                    + "registered.\n  Fix: apply the fixes above, or accept what each warning says and start again with --ack "
                    + String.join(",", unacknowledged));
        }
    }
}
