package io.mysqlmigrate.localrun;

import io.mysqlmigrate.stack.ConnectWorker;
import io.mysqlmigrate.stack.ProcessSupport;

/** The worker this run started, as the {@link WorkerWatch} restarts it. */
final class StartedWorker implements WorkerWatch.Worker {
    private final ConnectWorker worker;

    StartedWorker(ConnectWorker worker) {
        this.worker = worker;
    }

    @Override
    public boolean alive() {
        return worker.isRunning();
    }

    @Override
    public String describe() {
        return "pid " + worker.pid() + ", REST " + worker.restUrl();
    }

    @Override
    public String lastLines() {
        return ProcessSupport.tail(worker.baseDir().resolve("connect.out"), 10);
    }

    @Override
    public void restart() {
        worker.restart();
    }
}
