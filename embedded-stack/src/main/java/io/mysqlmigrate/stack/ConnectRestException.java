package io.mysqlmigrate.stack;

/** A Connect REST call answered with a status other than 2xx. */
public class ConnectRestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String body;

    public ConnectRestException(String method, String path, int status, String body) {
        super(method + " " + path + " answered " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
