package io.mysqlmigrate.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * A Connect REST call that did not succeed: the worker answered with a status other than 2xx ({@link #answered()},
 * with {@link #status()} and {@link #body()}), or it did not answer at all (the cause says how the request failed).
 */
public class ConnectRestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int status;
    private final String body;
    private final String restUrl;
    private final String reason;

    /** The worker answered {@code status} with {@code body}. */
    public ConnectRestException(String method, String path, int status, String body) {
        super(method + " " + path + " answered " + status + ": " + body);
        this.status = status;
        this.body = body;
        this.restUrl = null;
        this.reason = "HTTP " + status + ": " + messageOf(body);
    }

    /** No answer from the worker at {@code restUrl}: refused, unknown host, or no answer within the timeouts. */
    ConnectRestException(String method, String restUrl, String path, IOException cause, Duration connectTimeout,
            Duration requestTimeout) {
        super(method + " " + restUrl + path + " failed: " + cause.getMessage(), cause);
        this.status = 0;
        this.body = null;
        this.restUrl = restUrl;
        this.reason = describe(cause, connectTimeout, requestTimeout);
    }

    /** False when the worker did not answer at all. */
    public boolean answered() {
        return status > 0;
    }

    /** The HTTP status, 0 when the worker did not answer. */
    public int status() {
        return status;
    }

    /** The body of the answer, null when the worker did not answer. */
    public String body() {
        return body;
    }

    /**
     * What went wrong, in a few words: {@code HTTP 400: <Connect's message>}, or for no answer {@code connection
     * refused}, {@code unknown host}, {@code no connection within 5 s}, {@code no answer within 30 s}.
     */
    public String reason() {
        return reason;
    }

    /** The worker's URL as the client was given it, for a worker that did not answer; null when it answered. */
    public String restUrl() {
        return restUrl;
    }

    /** Connect's error answers are {@code {"error_code":..., "message": "..."}}: the message, else the body as it is. */
    private static String messageOf(String body) {
        if (body == null) {
            return null;
        }
        try {
            return JSON.readTree(body).path("message").asText(body);
        } catch (IOException notJson) {
            return body;
        }
    }

    /** An I/O failure in words: the JDK's connection errors often carry no message. */
    private static String describe(IOException e, Duration connectTimeout, Duration requestTimeout) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + connectTimeout.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + requestTimeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
