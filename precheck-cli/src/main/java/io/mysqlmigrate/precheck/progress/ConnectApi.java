package io.mysqlmigrate.precheck.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectRestException;
import java.time.Duration;
import java.util.Map;

/**
 * The Kafka Connect REST API as the operator's commands (status, verify, cutover) use it, through embedded-stack's
 * {@link ConnectRestClient}: their timeouts, no wait through a rebalance, a connector that is not registered read as
 * null, and a worker that does not answer explained with the option that names it.
 */
public final class ConnectApi {
    /** 5 s to connect, 30 s for an answer, an answer 409 (rebalance) reported at once. */
    static final ConnectRestClient.Timeouts TIMEOUTS = new ConnectRestClient.Timeouts(Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ZERO);

    private ConnectApi() {
    }

    public static ConnectRestClient client(String connectUrl) {
        return new ConnectRestClient(connectUrl, TIMEOUTS);
    }

    /** The connector's offsets ({@code GET /connectors/<name>/offsets}), or null when it is not registered. */
    public static JsonNode offsets(ConnectRestClient rest, String connector) {
        try {
            return rest.offsets(connector);
        } catch (ConnectRestException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * A connector's configuration as registered: Connect returns it as it was PUT or POSTed, config provider references
     * ({@code ${file:...}}, {@code ${env:...}}) unresolved. Null when no connector has that name.
     */
    public static Map<String, String> config(ConnectRestClient rest, String connector) {
        try {
            return rest.config(connector);
        } catch (ConnectRestException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Stops the connector (for the cutover); one that is not registered is left as it is. */
    public static void stop(ConnectRestClient rest, String connector) {
        try {
            rest.stop(connector);
        } catch (ConnectRestException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /**
     * A failure in the words the commands print. A worker that does not answer at all is named with its URL and the
     * option that sets it, since the JDK's own exceptions often carry neither.
     */
    public static String explain(Exception e) {
        if (e instanceof ConnectRestException rest && !rest.answered()) {
            return "Kafka Connect's REST API at " + rest.restUrl() + " does not answer (" + rest.reason() + "); give the "
                    + "worker's URL with --connect-url";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
