package io.mysqlmigrate.precheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.precheck.cutover.Cutover;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON documents scripts read: the same error shape everywhere, and cutover's result. */
class OutputTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anErrorIsOneDocumentWithTheMessageAndExitCode2() throws Exception {
        JsonNode doc = json.readTree(Output.error("Verify cannot run: no table"));
        assertEquals("Verify cannot run: no table", doc.path("error").asText());
        assertEquals(2, doc.path("exitCode").asInt());
    }

    @Test
    void cutoverReportsItsStepsAndOutcome() throws Exception {
        Cutover.Result result = new Cutover.Result(0, List.of(new Cutover.Step("verify", 1200, "3 of 3 tables identical"),
                new Cutover.Step("connectors stopped and deleted", 300, "a, b")), List.of(), null);
        JsonNode doc = json.readTree(CutoverCommand.json(result, 1500));
        assertEquals(0, doc.path("exitCode").asInt());
        assertEquals(true, doc.path("done").asBoolean());
        assertEquals(1500, doc.path("millis").asLong());
        assertEquals(true, doc.path("failure").isNull());
        assertEquals("verify", doc.path("steps").get(0).path("name").asText());
        assertEquals(1200, doc.path("steps").get(0).path("millis").asLong());
        assertEquals("a, b", doc.path("steps").get(1).path("detail").asText());
        assertEquals(0, doc.path("verify").size());

        Cutover.Result stopped = new Cutover.Result(2, List.of(), List.of(), "sink applied up to x: timeout");
        JsonNode failed = json.readTree(CutoverCommand.json(stopped, 10));
        assertEquals(2, failed.path("exitCode").asInt());
        assertEquals(false, failed.path("done").asBoolean());
        assertEquals("sink applied up to x: timeout", failed.path("failure").asText());
    }
}
