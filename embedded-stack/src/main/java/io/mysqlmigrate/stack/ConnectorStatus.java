package io.mysqlmigrate.stack;

import java.util.List;

/**
 * The answer of {@code GET /connectors/{name}/status}.
 *
 * @param name connector name
 * @param state connector state: UNASSIGNED, RUNNING, PAUSED, STOPPED, FAILED or RESTARTING
 * @param workerId worker the connector runs on
 * @param trace stack trace when the connector FAILED, else null
 * @param tasks the tasks, by id
 */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {
    public static final String RUNNING = "RUNNING";
    public static final String FAILED = "FAILED";

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    /** Connector RUNNING with at least one task, all of them RUNNING. */
    public boolean isRunning() {
        return RUNNING.equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(TaskStatus::isRunning);
    }

    public List<TaskStatus> failedTasks() {
        return tasks.stream().filter(TaskStatus::isFailed).toList();
    }

    /**
     * One task of a connector.
     *
     * @param id task number
     * @param state task state
     * @param workerId worker the task runs on
     * @param trace stack trace when the task FAILED, else null
     */
    public record TaskStatus(int id, String state, String workerId, String trace) {
        public boolean isRunning() {
            return RUNNING.equals(state);
        }

        public boolean isFailed() {
            return FAILED.equals(state);
        }
    }
}
