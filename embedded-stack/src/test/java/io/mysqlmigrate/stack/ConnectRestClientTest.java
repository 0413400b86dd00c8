package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a fake Connect REST server (the JDK's HttpServer), so answers can be scripted. */
class ConnectRestClientTest {
    private HttpServer server;
    private ConnectRestClient client;
    private final List<String> requests = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private volatile Handler handler;

    interface Handler {
        Object[] answer(String method, String path); // {status, body}
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = new ConnectRestClient("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        synchronized (requests) {
            requests.add(method + " " + path);
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        Object[] answer = handler.answer(method, path);
        byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders((Integer) answer[0], body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static String status(String connectorState, String... taskStatesAndTraces) {
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < taskStatesAndTraces.length; i += 2) {
            if (tasks.length() > 0) {
                tasks.append(',');
            }
            tasks.append("{\"id\":").append(i / 2).append(",\"state\":\"").append(taskStatesAndTraces[i])
                    .append("\",\"worker_id\":\"w:1\"")
                    .append(taskStatesAndTraces[i + 1] == null ? "" : ",\"trace\":\"" + taskStatesAndTraces[i + 1] + "\"")
                    .append('}');
        }
        return "{\"name\":\"c 1\",\"connector\":{\"state\":\"" + connectorState + "\",\"worker_id\":\"w:1\"},"
                + "\"tasks\":[" + tasks + "],\"type\":\"source\"}";
    }

    @Test
    void createOrUpdatePutsTheConfigAsJsonToAnEncodedPath() throws Exception {
        handler = (m, p) -> new Object[] {201, "{\"name\":\"c 1\",\"config\":{},\"tasks\":[]}"};
        JsonNode answer = client.createOrUpdate("c 1", Map.of("connector.class", "X", "tasks.max", "1"));
        assertEquals("c 1", answer.path("name").asText());
        assertEquals("PUT /connectors/c%201/config", requests.get(0));
        JsonNode sent = new ObjectMapper().readTree(bodies.get(0));
        assertEquals("X", sent.path("connector.class").asText());
        assertEquals("1", sent.path("tasks.max").asText());
    }

    @Test
    void statusIsParsedIntoARecord() {
        handler = (m, p) -> new Object[] {200, status("RUNNING", "FAILED", "boom\\n\\tat x", "RUNNING", null)};
        ConnectorStatus status = client.status("c 1");
        assertEquals("c 1", status.name());
        assertEquals("RUNNING", status.state());
        assertEquals(2, status.tasks().size());
        assertEquals("boom\n\tat x", status.tasks().get(0).trace());
        assertNull(status.tasks().get(1).trace());
        assertFalse(status.isRunning());
        assertEquals(1, status.failedTasks().size());
    }

    @Test
    void waitUntilRunningFailsFastWithTheTaskTrace() {
        handler = (m, p) -> new Object[] {200, status("RUNNING", "FAILED", "java.lang.RuntimeException: broken")};
        long begin = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> client.waitUntilRunning("c 1", Duration.ofSeconds(30)));
        assertTrue(e.getMessage().contains("java.lang.RuntimeException: broken"), e.getMessage());
        assertTrue(System.nanoTime() - begin < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void waitUntilRunningWaitsThrough404AndUntilThereIsATask() {
        AtomicInteger calls = new AtomicInteger();
        handler = (m, p) -> switch (calls.incrementAndGet()) {
            case 1 -> new Object[] {404, "{\"error_code\":404,\"message\":\"No status found\"}"};
            case 2 -> new Object[] {200, status("RUNNING")};
            case 3 -> new Object[] {200, status("RUNNING", "UNASSIGNED", null)};
            default -> new Object[] {200, status("RUNNING", "RUNNING", null)};
        };
        ConnectorStatus status = client.waitUntilRunning("c 1", Duration.ofSeconds(10));
        assertTrue(status.isRunning());
        assertEquals(4, calls.get());
    }

    @Test
    void waitUntilRunningTimesOut() {
        handler = (m, p) -> new Object[] {200, status("RUNNING")};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> client.waitUntilRunning("c 1", Duration.ofMillis(500)));
        assertTrue(e.getMessage().contains("not RUNNING"), e.getMessage());
    }

    @Test
    void errorsCarryStatusAndBodyAndConflictsAreRetried() {
        AtomicInteger calls = new AtomicInteger();
        handler = (m, p) -> calls.incrementAndGet() < 3
                ? new Object[] {409, "{\"message\":\"rebalance\"}"}
                : new Object[] {500, "{\"error_code\":500,\"message\":\"bad\"}"};
        ConnectRestException e = assertThrows(ConnectRestException.class, () -> client.pause("c"));
        assertEquals(500, e.status());
        assertTrue(e.body().contains("bad"));
        assertEquals(3, calls.get());
    }

    @Test
    void validateAddsConnectorClassAndPluginsAreListed() throws Exception {
        handler = (m, p) -> p.startsWith("/connector-plugins/")
                ? new Object[] {200, "{\"name\":\"a.B\",\"error_count\":0,\"configs\":[]}"}
                : new Object[] {200, "[{\"class\":\"a.B\",\"type\":\"source\"},{\"class\":\"c.D\",\"type\":\"sink\"}]"};
        assertEquals(List.of("a.B", "c.D"), client.connectorPlugins());
        JsonNode answer = client.validate("a.B", Map.of("k", "v"));
        assertEquals(0, answer.path("error_count").asInt());
        assertEquals("PUT /connector-plugins/a.B/config/validate", requests.get(1));
        assertEquals("a.B", new ObjectMapper().readTree(bodies.get(1)).path("connector.class").asText());
    }

    @Test
    void lifecycleCallsUseTheRightMethodsAndDeleteOf404IsFalse() {
        handler = (m, p) -> m.equals("DELETE") && p.contains("gone") ? new Object[] {404, "{}"} : new Object[] {202, ""};
        client.pause("c");
        client.resume("c");
        client.restart("c");
        client.restartTask("c", 2);
        assertTrue(client.delete("c"));
        assertFalse(client.delete("gone"));
        assertEquals(List.of("PUT /connectors/c/pause", "PUT /connectors/c/resume",
                "POST /connectors/c/restart?includeTasks=true&onlyFailed=false", "POST /connectors/c/tasks/2/restart",
                "DELETE /connectors/c", "DELETE /connectors/gone"), requests);
    }
}
