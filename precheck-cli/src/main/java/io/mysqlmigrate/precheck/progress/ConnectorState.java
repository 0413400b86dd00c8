package io.mysqlmigrate.precheck.progress;

import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectRestException;
import io.mysqlmigrate.stack.ConnectorStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A connector as the operator's commands show it; {@code state} is null when no connector has that name. A FAILED
 * connector's own trace comes first among the tasks, as task -1.
 */
public record ConnectorState(String name, String state, List<Task> tasks) {

    /** A task as Connect reports it; {@code trace} is null unless it failed. */
    public record Task(int id, String state, String workerId, String trace) {
    }

    public boolean registered() {
        return state != null;
    }

    public List<Task> failedTasks() {
        return tasks.stream().filter(t -> "FAILED".equals(t.state())).toList();
    }

    /** The connector's status from the worker; a connector that is not registered has a null state. */
    public static ConnectorState of(ConnectRestClient rest, String connector) {
        ConnectorStatus s;
        try {
            s = rest.status(connector);
        } catch (ConnectRestException e) {
            if (e.status() == 404) {
                return new ConnectorState(connector, null, List.of());
            }
            throw e;
        }
        List<Task> tasks = new ArrayList<>();
        for (ConnectorStatus.TaskStatus t : s.tasks()) {
            tasks.add(new Task(t.id(), t.state(), t.workerId(), t.trace()));
        }
        if (ConnectorStatus.FAILED.equals(s.state()) && s.trace() != null) {
            tasks.add(0, new Task(-1, s.state(), s.workerId(), s.trace()));
        }
        return new ConnectorState(connector, s.state(), tasks);
    }
}
