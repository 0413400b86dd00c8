package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.source.routing.DatabaseTopics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each selected database gets a topic of its own that Kafka can take. The topic name replaces characters Kafka does not
 * allow with '_', so 'shop 1' and 'shop_1' would share one topic, and Kafka refuses names over 249 characters.
 */
public final class TopicNamesCheck implements Check {

    static final int MAX_TOPIC_LENGTH = 249;

    @Override
    public String id() {
        return "kafka.topics.names";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        for (String db : ctx.source().databases()) {
            byTopic.computeIfAbsent(DatabaseTopics.topicFor(ctx.source().topicPrefix(), db), t -> new ArrayList<>()).add(db);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byTopic.entrySet()) {
            if (e.getValue().size() > 1) {
                problems.add("databases " + String.join(" and ", e.getValue()) + " share the topic " + e.getKey());
            }
            if (e.getKey().length() > MAX_TOPIC_LENGTH) {
                problems.add("the topic of " + e.getValue().get(0) + " is " + e.getKey().length() + " characters long");
            }
        }
        if (problems.isEmpty()) {
            return CheckResult.pass(id(), "one topic per database: " + String.join(", ", byTopic.keySet()));
        }
        return CheckResult.fail(id(), String.join("; ", problems),
                "One topic per database is the ordering contract: databases sharing one would be read as one, and Kafka refuses "
                        + "topic names over " + MAX_TOPIC_LENGTH + " characters.",
                "Migrate those databases with separate source connectors (each with its own " + MigrationSourceConfig.TOPIC_PREFIX
                        + "), or shorten " + MigrationSourceConfig.TOPIC_PREFIX + ".");
    }
}
