package io.mysqlmigrate.bench;

import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectorStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A contender made of connectors registered over the worker's REST API: the clock starts just before the first
 * POST and stops at the poll that sees every row on the destination.
 */
abstract class ConnectContender implements Contender {
    static final Duration LOAD_TIMEOUT = Duration.ofHours(2);

    private String prefix;

    ConnectContender(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Connector names and configurations for topic prefix {@code prefix}, registered in this order (sink first,
     * like local-run).
     */
    protected abstract Map<String, Map<String, String>> connectors(BenchContext ctx, String prefix);

    private Map<String, Map<String, String>> connectors(BenchContext ctx) {
        return connectors(ctx, prefix);
    }

    /** The topic prefix this contender's source writes under; its topics are deleted afterwards. */
    protected String topicPrefix() {
        return prefix;
    }

    /**
     * Untimed: the same connectors under another prefix until the first rows arrive, then removed again, so the
     * worker has loaded this contender's plugin classes and JIT-compiled its common paths before the timed run
     * (otherwise whichever Connect contender runs first pays for the worker's warm-up).
     */
    void warmUp(BenchContext ctx) throws Exception {
        String timed = prefix;
        prefix = "warm" + timed;
        try {
            prepareDestination(ctx);
            ConnectRestClient rest = ctx.rest();
            Map<String, Map<String, String>> connectors = connectors(ctx);
            for (Map.Entry<String, Map<String, String>> c : connectors.entrySet()) {
                rest.createOrUpdate(c.getKey(), c.getValue());
            }
            DestinationWatch.awaitRows(ctx, Math.min(ctx.rows(), 5000), Duration.ofMinutes(5),
                    () -> checkNotFailed(rest, connectors.keySet()));
        } finally {
            cleanUp(ctx);
            prefix = timed;
        }
    }

    /** Prepares the destination before the clock starts (default: nothing). */
    protected void prepareDestination(BenchContext ctx) {
    }

    @Override
    public long run(BenchContext ctx) throws Exception {
        Map<String, Map<String, String>> connectors = connectors(ctx);
        prepareDestination(ctx);
        ConnectRestClient rest = ctx.rest();
        long started = System.nanoTime();
        for (Map.Entry<String, Map<String, String>> c : connectors.entrySet()) {
            rest.createOrUpdate(c.getKey(), c.getValue());
        }
        long done = DestinationWatch.awaitRows(ctx, ctx.rows(), LOAD_TIMEOUT, () -> checkNotFailed(rest, connectors.keySet()));
        return done - started;
    }

    private static void checkNotFailed(ConnectRestClient rest, Set<String> names) {
        for (String name : names) {
            ConnectorStatus status = rest.status(name);
            if (ConnectorStatus.FAILED.equals(status.state())) {
                throw new IllegalStateException("connector " + name + " FAILED: " + firstLines(status.trace()));
            }
            for (ConnectorStatus.TaskStatus task : status.failedTasks()) {
                throw new IllegalStateException("task " + name + "-" + task.id() + " FAILED: " + firstLines(task.trace()));
            }
        }
    }

    private static String firstLines(String trace) {
        if (trace == null) {
            return "(no trace)";
        }
        List<String> lines = new ArrayList<>();
        for (String line : trace.split("\\R")) {
            if (!line.startsWith("\tat ")) {
                lines.add(line);
            }
            if (lines.size() == 6) {
                break;
            }
        }
        return String.join("\n    ", lines);
    }

    @Override
    public void cleanUp(BenchContext ctx) {
        ConnectRestClient rest = ctx.rest();
        try {
            for (String name : connectors(ctx).keySet()) {
                try {
                    rest.delete(name);
                } catch (RuntimeException e) {
                    // already gone or never registered
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline
                    && rest.connectors().stream().anyMatch(n -> safeKeys(ctx).contains(n))) {
                Thread.sleep(250);
            }
            Thread.sleep(2000); // the deleted connectors' tasks stop asynchronously
        } catch (Exception e) {
            System.err.println("  (cleaning up " + name() + ": " + e.getMessage() + ")");
        }
        deleteTopics(ctx);
    }

    private Set<String> safeKeys(BenchContext ctx) {
        return connectors(ctx).keySet();
    }

    /** Deletes the contender's topics so the next one does not share the broker's disk and page cache with them. */
    private void deleteTopics(BenchContext ctx) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ctx.broker().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            List<String> mine = admin.listTopics().names().get().stream()
                    .filter(t -> t.equals(topicPrefix()) || t.startsWith(topicPrefix() + ".") || t.startsWith(topicPrefix() + "-"))
                    .toList();
            if (!mine.isEmpty()) {
                admin.deleteTopics(mine).all().get();
            }
        } catch (Exception e) {
            System.err.println("  (deleting the topics of " + name() + ": " + e.getMessage() + ")");
        }
    }

    /** The consumer settings both sinks get, so neither wins by fetching more per poll. */
    static Map<String, String> sharedConsumerOverrides() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("consumer.override.max.poll.records", "2000");
        m.put("consumer.override.auto.offset.reset", "earliest");
        return m;
    }
}
