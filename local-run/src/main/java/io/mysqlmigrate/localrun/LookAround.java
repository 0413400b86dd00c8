package io.mysqlmigrate.localrun;

import io.mysqlmigrate.localrun.StateDirectory.Server;
import java.util.List;

/** The run's last section: where to look while everything keeps running (REST, clients, Kafka, logs, commands). */
final class LookAround {
    private LookAround() {
    }

    static void print(LocalRun.Context ctx, RunPlan plan, StateDirectory state, RunningStack stack, SinkWatch watch) {
        Terminal term = ctx.term();
        Endpoint source = stack.source();
        Endpoint destination = stack.destination();
        term.println();
        term.println("Look around (everything keeps running)");
        String url = stack.worker().restUrl();
        term.println("  Connect REST  " + url);
        term.println("                curl -s " + url + "/connectors");
        term.println("                curl -s " + url + "/connectors/" + plan.sourceConnector() + "/status");
        term.println("                curl -s " + url + "/connectors/" + plan.sinkConnector() + "/status");
        String db = plan.databases().get(0);
        term.println("  Source        " + clientCommand(source, db));
        term.println("  Destination   " + clientCommand(destination, db));
        term.println("  Sink progress " + clientCommand(destination, null)
                + " -e \"SELECT * FROM mysql_migrate.sink_offsets\"");
        List<String> topics = watch.migrationTopics(RunPlan.NAME);
        term.println("  Kafka         bootstrap " + stack.broker().bootstrapServers() + ", topics "
                + String.join(", ", topics.isEmpty() ? plan.topics() : topics));
        term.println("  Logs          worker       " + ctx.display(state.serverLog(Server.WORKER)));
        term.println("                broker       " + ctx.display(state.serverLog(Server.BROKER)));
        if (plan.demoSource()) {
            term.println("                source       " + ctx.display(state.serverLog(Server.SOURCE)));
        }
        if (plan.privateDestination()) {
            term.println("                destination  " + ctx.display(state.serverLog(Server.DESTINATION)));
        }
        term.println("                local-run    " + ctx.display(state.log()));
        OperatorTool.printCommands(term, ctx.projectRoot(), ctx.displayBase(), url, plan.sourceConnector(),
                plan.sinkConnector());
        term.println("  Status        ./local-run.sh status");
        term.println("  Stop          ./local-run.sh stop");
    }

    /** A mariadb client command line; the password only for the private servers (their fixed demo account). */
    static String clientCommand(Endpoint endpoint, String database) {
        // the client takes "localhost" for its Unix socket and would ignore the port
        String host = endpoint.host().equalsIgnoreCase("localhost") ? "127.0.0.1" : endpoint.host();
        String password = endpoint.managed() ? " -p" + endpoint.password() : " -p";
        return "mariadb -h" + host + " -P" + endpoint.port() + " -u" + endpoint.user() + password
                + (database == null ? "" : " " + database);
    }
}
