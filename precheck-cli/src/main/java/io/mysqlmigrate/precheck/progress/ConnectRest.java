package io.mysqlmigrate.precheck.progress;

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
import java.util.List;

/** The few calls of Kafka Connect's REST API the operator commands make. */
public final class ConnectRest {

    /** A task as Connect reports it; {@code trace} is null unless it failed. */
    public record Task(int id, String state, String workerId, String trace) {
    }

    /** A connector as Connect reports it; {@code state} is null when no connector has that name. */
    public record Connector(String name, String state, List<Task> tasks) {
        public boolean registered() {
            return state != null;
        }

        public List<Task> failedTasks() {
            return tasks.stream().filter(t -> "FAILED".equals(t.state())).toList();
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public ConnectRest(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    public Connector status(String connector) throws IOException, InterruptedException {
        JsonNode s = get("connectors/" + encode(connector) + "/status");
        if (s == null) {
            return new Connector(connector, null, List.of());
        }
        List<Task> tasks = new ArrayList<>();
        for (JsonNode t : s.path("tasks")) {
            tasks.add(new Task(t.path("id").asInt(), t.path("state").asText(), t.path("worker_id").asText(null),
                    t.hasNonNull("trace") ? t.get("trace").asText() : null));
        }
        String state = s.path("connector").path("state").asText();
        if ("FAILED".equals(state) && s.path("connector").hasNonNull("trace")) {
            tasks.add(0, new Task(-1, state, s.path("connector").path("worker_id").asText(null), s.path("connector").get("trace").asText()));
        }
        return new Connector(connector, state, tasks);
    }

    /** The connector's offsets ({@code GET /connectors/<name>/offsets}), or null when it is not registered. */
    public JsonNode offsets(String connector) throws IOException, InterruptedException {
        return get("connectors/" + encode(connector) + "/offsets");
    }

    /**
     * A connector's configuration as registered ({@code GET /connectors/<name>/config}): Connect returns it as it was
     * PUT or POSTed, config provider references ({@code ${file:...}}, {@code ${env:...}}) unresolved. Null when no
     * connector has that name.
     */
    public java.util.Map<String, String> config(String connector) throws IOException, InterruptedException {
        JsonNode c = get("connectors/" + encode(connector) + "/config");
        if (c == null) {
            return null;
        }
        java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
        c.fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return config;
    }

    /** The names of the connectors registered on the worker ({@code GET /connectors}). */
    public List<String> connectors() throws IOException, InterruptedException {
        JsonNode names = get("connectors");
        List<String> result = new ArrayList<>();
        if (names != null) {
            names.forEach(n -> result.add(n.asText()));
        }
        return result;
    }

    /** The worker's URL, as given. */
    public String url() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The worker does not answer at all (refused, unknown host, timeout): the message names the URL tried and the
     * option that sets it, since the JDK's own exceptions often carry neither.
     */
    public static final class Unreachable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreachable(String url, IOException cause) {
            super("Kafka Connect's REST API at " + url + " does not answer (" + describe(cause) + "); give the worker's URL with "
                    + "--connect-url", cause);
        }

        private static String describe(IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.nio.channels.UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
                    return "unknown host";
                }
            }
            if (e instanceof java.net.http.HttpConnectTimeoutException) {
                return "no connection within 5 s";
            }
            if (e instanceof java.net.http.HttpTimeoutException) {
                return "no answer within the timeout";
            }
            if (e instanceof java.net.ConnectException) {
                return "connection refused";
            }
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
    }

    /** PUT .../stop, DELETE ..., for the cutover. */
    public void stop(String connector) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(base.resolve("connectors/" + encode(connector) + "/stop")).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public void delete(String connector) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(base.resolve("connectors/" + encode(connector))).DELETE());
    }

    /** The body of a GET as JSON, or null on 404. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15)).GET().build());
        if (r.statusCode() == 404) {
            return null;
        }
        if (r.statusCode() / 100 != 2) {
            throw new IOException("GET " + base.resolve(path) + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    private void send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> r = exchange(built);
        if (r.statusCode() / 100 != 2 && r.statusCode() != 404) {
            throw new IOException(built.method() + " " + built.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
            throw new Unreachable(url(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
                throw new Unreachable(url(), e);
            }
            throw e;
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
