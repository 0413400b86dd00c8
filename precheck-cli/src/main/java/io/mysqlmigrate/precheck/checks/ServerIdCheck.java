package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.Set;

/** The source has a server id, and the connector's replica id is not the same one. */
public final class ServerIdCheck implements Check {

    @Override
    public String id() {
        return "source.server_id";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        long serverId = Long.parseLong(CheckContext.variable(ctx.sourceConnection(), "server_id"));
        int connectorId = ctx.source().serverId(ctx.sourceConnectorName());
        String found = "server_id = " + serverId + ", the connector reads as replica " + connectorId;
        if (serverId == 0) {
            return CheckResult.fail(id(), found, "A server without a server id cannot serve its binary log to a replica.",
                    "SET GLOBAL server_id = <a number unique among your servers>; and server_id in my.cnf.");
        }
        if (serverId == connectorId) {
            return CheckResult.fail(id(), found, "The connector must read the binary log under an id no server uses.",
                    "Set source.server.id in the source connector's configuration to another number.");
        }
        return CheckResult.pass(id(), found);
    }
}
