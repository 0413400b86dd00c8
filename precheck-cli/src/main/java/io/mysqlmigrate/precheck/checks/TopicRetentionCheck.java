package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import io.mysqlmigrate.source.routing.DatabaseTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The database topics ({@code <topic.prefix>.<database>}) keep their records long enough to replay: after a sink outage
 * or a destination restored from a backup, the sink resumes from its stored offsets, which must still be in the topic.
 * Under 7 days (or a size limit, or compaction, which keeps only a key's last change) is a warning. Topics that do not
 * exist yet are created later with the broker's default, which is checked instead.
 */
public final class TopicRetentionCheck implements Check {

    static final Duration RECOMMENDED = Duration.ofDays(7);
    private static final long TIMEOUT_SECONDS = 20;

    @Override
    public String id() {
        return "kafka.topics.retention";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String bootstrap = ctx.source().kafkaBootstrapServers();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        List<String> topics = ctx.source().databases().stream().map(d -> DatabaseTopics.topicFor(ctx.source().topicPrefix(), d)).toList();
        boolean ongoing = ctx.source().migrationTypes().contains(MigrationType.INCREMENTAL);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> present = topics.stream().filter(existing::contains).toList();
            List<String> absent = topics.stream().filter(t -> !existing.contains(t)).toList();
            List<String> tooShort = new ArrayList<>();
            List<String> fine = new ArrayList<>();
            List<ConfigResource> resources = present.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = resources.isEmpty() ? Map.of()
                    : admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> commands = new ArrayList<>();
            for (ConfigResource r : resources) {
                Config config = configs.get(r);
                String problem = problem(config);
                (problem == null ? fine : tooShort).add(r.name() + (problem == null ? "" : " (" + problem + ")"));
                if (problem != null) {
                    commands.add(command(bootstrap, r.name(), config));
                }
            }
            String brokerDefault = null;
            if (!absent.isEmpty()) {
                String node = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).iterator().next().idString();
                ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node);
                long ms = brokerRetentionMs(admin.describeConfigs(List.of(broker)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .get(broker));
                brokerDefault = describe(ms);
                if (ms >= 0 && ms < RECOMMENDED.toMillis()) {
                    tooShort.add(String.join(", ", absent) + " (not created yet; the broker's default retention is " + brokerDefault + ")");
                }
            }
            String found = (fine.isEmpty() ? "" : "long enough: " + String.join(", ", fine) + "; ")
                    + (absent.isEmpty() || brokerDefault == null ? "" : "not created yet: " + String.join(", ", absent)
                            + " (broker default retention " + brokerDefault + "); ");
            if (tooShort.isEmpty()) {
                return CheckResult.pass(id(), found.isEmpty() ? "no topics" : found.substring(0, found.length() - 2));
            }
            return CheckResult.warn(id(), "records may be deleted before they are replayed: " + String.join(", ", tooShort),
                    "After an outage of the sink or the worker, or a destination restored from a backup, the sink resumes "
                            + "from offsets that must still be in the topic" + (ongoing ? "; an incremental migration runs "
                            + "for as long as it takes to cut over" : "") + ". Keep at least " + RECOMMENDED.toDays() + " days.",
                    (commands.isEmpty() ? "" : String.join("; ", commands) + " (retention.ms=-1 keeps everything). ")
                            + (absent.isEmpty() || brokerDefault == null ? "" : "For the topics not created yet: raise the "
                            + "broker's log.retention.hours to at least " + RECOMMENDED.toHours() + ", or create them first with "
                            + TopicConfig.RETENTION_MS_CONFIG + "=" + RECOMMENDED.toMillis() + "."));
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return CheckResult.fail(id(), "Kafka at " + bootstrap + " cannot be asked about the topics: " + cause,
                    "The topics' retention is unknown.", "Run the precheck where " + bootstrap + " is reachable.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(id(), "interrupted while asking Kafka", "", "Run the precheck again.");
        }
    }

    /** Why a topic may lose records too early, or null. */
    private static String problem(Config config) {
        List<String> problems = new ArrayList<>();
        long ms = Long.parseLong(value(config, TopicConfig.RETENTION_MS_CONFIG, "-1"));
        if (ms >= 0 && ms < RECOMMENDED.toMillis()) {
            problems.add(TopicConfig.RETENTION_MS_CONFIG + "=" + ms + ", " + describe(ms));
        }
        long bytes = Long.parseLong(value(config, TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        if (bytes >= 0) {
            problems.add(TopicConfig.RETENTION_BYTES_CONFIG + "=" + bytes);
        }
        if (value(config, TopicConfig.CLEANUP_POLICY_CONFIG, "delete").contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            problems.add(TopicConfig.CLEANUP_POLICY_CONFIG + "=" + value(config, TopicConfig.CLEANUP_POLICY_CONFIG, ""));
        }
        return problems.isEmpty() ? null : String.join(", ", problems);
    }

    private static String value(Config config, String name, String otherwise) {
        ConfigEntry e = config == null ? null : config.get(name);
        return e == null || e.value() == null ? otherwise : e.value();
    }

    /** The broker's default: log.retention.ms, else minutes, else hours, as Kafka reads them. */
    private static long brokerRetentionMs(Config broker) {
        String ms = value(broker, "log.retention.ms", null);
        if (ms != null) {
            return Long.parseLong(ms);
        }
        String minutes = value(broker, "log.retention.minutes", null);
        if (minutes != null) {
            return Long.parseLong(minutes) * 60_000;
        }
        return Long.parseLong(value(broker, "log.retention.hours", "168")) * 3_600_000;
    }

    private static String describe(long ms) {
        return ms < 0 ? "unlimited" : Duration.ofMillis(ms).toHours() + " h";
    }

    /** The kafka-configs command that lifts what {@link #problem} found on one topic. */
    private static String command(String bootstrap, String topic, Config config) {
        List<String> add = new ArrayList<>();
        long ms = Long.parseLong(value(config, TopicConfig.RETENTION_MS_CONFIG, "-1"));
        if (ms >= 0 && ms < RECOMMENDED.toMillis()) {
            add.add(TopicConfig.RETENTION_MS_CONFIG + "=" + RECOMMENDED.toMillis());
        }
        if (value(config, TopicConfig.CLEANUP_POLICY_CONFIG, "delete").contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            add.add(TopicConfig.CLEANUP_POLICY_CONFIG + "=" + TopicConfig.CLEANUP_POLICY_DELETE);
        }
        String command = "kafka-configs.sh --bootstrap-server " + bootstrap + " --alter --entity-type topics --entity-name " + topic;
        if (!add.isEmpty()) {
            command += " --add-config " + String.join(",", add);
        }
        if (Long.parseLong(value(config, TopicConfig.RETENTION_BYTES_CONFIG, "-1")) >= 0) {
            command += " --delete-config " + TopicConfig.RETENTION_BYTES_CONFIG;
        }
        return command;
    }
}
