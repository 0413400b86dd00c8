package io.mysqlmigrate.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The client of the Kafka Connect REST API for every module: the embedded stack and local-run, the operator's commands
 * and the precheck. Whatever does not succeed becomes a {@link ConnectRestException}: an answer other than 2xx with
 * its status and body, or no answer at all. A rebalance in progress (409, or 500 "rebalance is expected") is retried
 * for a while first, unless the client was made without that wait.
 */
public final class ConnectRestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The embedded stack's: 5 s to connect, 60 s for an answer, a rebalance waited out for up to 30 s. */
    public static final Timeouts STACK = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30));

    /**
     * How long a call may take.
     *
     * @param connect        to open the connection
     * @param request        for the answer
     * @param rebalanceRetry how long a call answered 409 (or 500 "rebalance") is tried again; zero for never
     */
    public record Timeouts(Duration connect, Duration request, Duration rebalanceRetry) {
    }

    private final String baseUrl;
    private final Timeouts timeouts;
    private final HttpClient http;

    /** @param restUrl e.g. {@code http://127.0.0.1:8083}; with the {@link #STACK} timeouts */
    public ConnectRestClient(String restUrl) {
        this(restUrl, STACK);
    }

    public ConnectRestClient(String restUrl, Timeouts timeouts) {
        this.baseUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        this.timeouts = timeouts;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .build();
    }

    public String restUrl() {
        return baseUrl;
    }

    /** Creates the connector, or updates its configuration (PUT /connectors/{name}/config). */
    public JsonNode createOrUpdate(String name, Map<String, String> config) {
        return send("PUT", "/connectors/" + segment(name) + "/config", config);
    }

    /** Deletes the connector; false when it did not exist. */
    public boolean delete(String name) {
        try {
            send("DELETE", "/connectors/" + segment(name), null);
            return true;
        } catch (ConnectRestException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Names of the connectors. */
    public List<String> connectors() {
        List<String> names = new ArrayList<>();
        send("GET", "/connectors", null).forEach(node -> names.add(node.asText()));
        return names;
    }

    /** The connector's configuration. */
    public Map<String, String> config(String name) {
        Map<String, String> config = new LinkedHashMap<>();
        send("GET", "/connectors/" + segment(name) + "/config", null).fields()
                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return config;
    }

    public ConnectorStatus status(String name) {
        return parseStatus(send("GET", "/connectors/" + segment(name) + "/status", null));
    }

    /**
     * Waits until the connector and all its tasks (at least one) are RUNNING. Fails at once, with the trace,
     * when the connector or a task FAILED.
     */
    public ConnectorStatus waitUntilRunning(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectorStatus last = null;
        while (true) {
            try {
                last = status(name);
                if (ConnectorStatus.FAILED.equals(last.state())) {
                    throw new IllegalStateException("Connector " + name + " FAILED:\n" + last.trace());
                }
                List<ConnectorStatus.TaskStatus> failed = last.failedTasks();
                if (!failed.isEmpty()) {
                    ConnectorStatus.TaskStatus task = failed.get(0);
                    throw new IllegalStateException("Task " + name + "-" + task.id() + " FAILED:\n" + task.trace());
                }
                if (last.isRunning()) {
                    return last;
                }
            } catch (ConnectRestException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Connector " + name + " not RUNNING within " + timeout.toSeconds()
                        + " s; last status: " + (last == null ? "none (404)" : last));
            }
            ProcessSupport.sleep(200);
        }
    }

    /** The connector's offsets ({@code GET /connectors/{name}/offsets}), as Connect returns them. */
    public JsonNode offsets(String name) {
        return send("GET", "/connectors/" + segment(name) + "/offsets", null);
    }

    /** Class names of the installed connector plugins. */
    public List<String> connectorPlugins() {
        List<String> classes = new ArrayList<>();
        send("GET", "/connector-plugins", null).forEach(node -> classes.add(node.path("class").asText()));
        return classes;
    }

    /**
     * Validates a configuration (PUT /connector-plugins/{class}/config/validate). {@code connector.class} is
     * added when missing. Returns the answer, with {@code error_count} and per-field {@code configs}.
     */
    public JsonNode validate(String connectorClass, Map<String, String> config) {
        Map<String, String> body = new LinkedHashMap<>(config);
        body.putIfAbsent("connector.class", connectorClass);
        return send("PUT", "/connector-plugins/" + segment(connectorClass) + "/config/validate", body);
    }

    public void pause(String name) {
        send("PUT", "/connectors/" + segment(name) + "/pause", null);
    }

    public void resume(String name) {
        send("PUT", "/connectors/" + segment(name) + "/resume", null);
    }

    /** Stops the connector and its tasks (Connect's STOPPED state: the prerequisite for changing its offsets). */
    public void stop(String name) {
        send("PUT", "/connectors/" + segment(name) + "/stop", null);
    }

    /** Resets a stopped connector's offsets (for a sink: to the beginning of its topics). */
    public JsonNode resetOffsets(String name) {
        return send("DELETE", "/connectors/" + segment(name) + "/offsets", null);
    }

    /** Sets a stopped sink connector's next offset per topic partition. */
    public JsonNode alterSinkOffsets(String name, Map<TopicPartition, Long> offsets) {
        List<Map<String, Object>> entries = new ArrayList<>();
        offsets.forEach((tp, offset) -> entries.add(Map.of(
                "partition", Map.of("kafka_topic", tp.topic(), "kafka_partition", tp.partition()),
                "offset", Map.of("kafka_offset", offset))));
        return send("PATCH", "/connectors/" + segment(name) + "/offsets", Map.of("offsets", entries));
    }

    /** Restarts the connector and all its tasks. */
    public void restart(String name) {
        send("POST", "/connectors/" + segment(name) + "/restart?includeTasks=true&onlyFailed=false", null);
    }

    public void restartTask(String name, int task) {
        send("POST", "/connectors/" + segment(name) + "/tasks/" + task + "/restart", null);
    }

    /** GET of any path, for what this client does not cover; the answer as JSON (null when empty). */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** One GET without retries or status checks, e.g. for readiness probes. */
    HttpResponse<String> rawGet(String path, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode send(String method, String path, Object body) {
        long deadline = System.nanoTime() + timeouts.rebalanceRetry().toNanos();
        while (true) {
            HttpResponse<String> response = exchange(method, path, body);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body());
            }
            // 409, or 500 "a rebalance is expected" right after a connector was created or changed: the group settles.
            boolean settling = status == 409 || (status == 500 && response.body() != null && response.body().contains("rebalance"));
            if (settling && System.nanoTime() - deadline < 0) {
                ProcessSupport.sleep(250);
                continue;
            }
            throw new ConnectRestException(method, path, status, response.body());
        }
    }

    private HttpResponse<String> exchange(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot render the request body as JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeouts.request())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, publisher)
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectRestException(method, baseUrl, path, e, timeouts.connect(), timeouts.request());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted during " + method + " " + path, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new StackException("Connect answered with something that is not JSON: " + body, e);
        }
    }

    static ConnectorStatus parseStatus(JsonNode node) {
        JsonNode connector = node.path("connector");
        List<ConnectorStatus.TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : node.path("tasks")) {
            tasks.add(new ConnectorStatus.TaskStatus(task.path("id").asInt(), text(task, "state"),
                    text(task, "worker_id"), text(task, "trace")));
        }
        tasks.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return new ConnectorStatus(text(node, "name"), text(connector, "state"), text(connector, "worker_id"),
                text(connector, "trace"), tasks);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Encodes one path segment (a space becomes %20, not +). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
