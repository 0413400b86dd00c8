package io.mysqlmigrate.localrun;

import io.mysqlmigrate.localrun.StateDirectory.Server;
import io.mysqlmigrate.stack.StackException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The main job ({@code ./local-run.sh} / {@code start}): the embedded default started detached under the state
 * directory, demo data, both connectors registered through the REST API, full-load progress, live changes with
 * their arrival times, and a final comparison of source and destination. Each step is a class of its own; this one
 * says their order and what a failure means once the servers run.
 */
final class MainJob {
    static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(90);

    private final LocalRun.Context ctx;
    private final Terminal term;
    private final RunPlan plan;
    private final StateDirectory state;

    MainJob(LocalRun.Context ctx, RunPlan plan, StateDirectory state) {
        this.ctx = ctx;
        this.term = ctx.term();
        this.plan = plan;
        this.state = state;
    }

    /** Runs the whole job; 0 when source and destination end identical. */
    int run() throws Exception {
        term.println("mysql-migrate local run; state and logs in " + ctx.display(state.root()));
        Prerequisites.check(ctx, plan);
        Prerequisites.refuseWhileRunning(ctx, state);
        if (!plan.demoSource() || !plan.privateDestination()) {
            try {
                ExistingServers.check(plan, term);
            } catch (SQLException e) {
                throw queryFailed(e);
            }
        }
        FreshStateDirectory.prepare(ctx, plan, state);
        Interruption interruption = new Interruption(term, state);
        interruption.install();
        try {
            try {
                return runSteps(interruption);
            } catch (SQLException e) {
                throw queryFailed(e);
            }
        } catch (LocalRunException | StackException e) {
            if (interruption.isStackUp()) {
                term.error(term.bad() + " " + e.getMessage());
                term.error("  The servers keep running so you can look around: ./local-run.sh status; stop them with "
                        + "./local-run.sh stop.");
                throw new AlreadyReported(e);
            }
            throw e;
        } finally {
            interruption.finish();
        }
    }

    private int runSteps(Interruption interruption) throws Exception {
        RunningStack stack = new ServerStart(ctx, plan, state, interruption).start();
        String workerLog = ctx.display(state.serverLog(Server.WORKER));
        Connectors connectors = new Connectors(stack.worker().rest(), List.of(plan.sourceConnector(),
                plan.sinkConnector()), workerLog, ctx.verbose());
        WorkerWatch workerWatch = new WorkerWatch(new StartedWorker(stack.worker()), connectors::check,
                () -> connectors.awaitRunning(RUNNING_TIMEOUT), term, workerLog, System::nanoTime);
        if (plan.demoSource()) {
            DemoData.create(stack.source(), term);
        }
        SourceTables sourceTables = SourceTables.count(plan, stack.source(), term);
        ConnectorConfigs configs = new ConnectorConfigs(ctx, plan, stack);
        PrecheckGate.pass(plan, configs, term);
        ConnectorRegistration.register(ctx, configs, stack.worker().rest(), connectors, RUNNING_TIMEOUT);
        try (SinkWatch watch = new SinkWatch(stack.destination(), plan.sinkConnector(), plan.topics(),
                stack.broker().bootstrapServers())) {
            new FullLoad(term, connectors, workerWatch, workerLog).run(watch, sourceTables);
            new Incremental(term, plan, stack, workerWatch).run(watch);
            boolean identical = new Verification(term, plan, stack, workerWatch).run();
            LookAround.print(ctx, plan, state, stack, watch);
            return identical ? 0 : 1;
        }
    }

    private LocalRunException queryFailed(SQLException e) {
        return new LocalRunException("A query failed: " + e.getMessage() + " (SQL state " + e.getSQLState() + ", error "
                + e.getErrorCode() + ").\n  Fix: ./local-run.sh status shows which server is down; the logs of the "
                + "servers local-run started are in " + ctx.display(state.root()) + ".", e);
    }

    /** A failure already printed with its hint; LocalRun only sets the exit code. */
    static final class AlreadyReported extends LocalRunException {
        private static final long serialVersionUID = 1L;

        AlreadyReported(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
