package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.TlsSettings;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * TLS to one server. The check's own connection was opened with the connector's TLS settings, so with TLS on it
 * reports what that connection negotiated (a wrong CA or a server without TLS never gets this far: the connection is
 * refused and the precheck cannot run). With TLS off it warns when the server is not on a loopback or private
 * address, where the account's password and every row cross networks unencrypted.
 */
public final class TlsCheck implements Check {

    private final String role;
    private final String modeSetting;
    private final String caSetting;

    private TlsCheck(String role, String modeSetting, String caSetting) {
        this.role = role;
        this.modeSetting = modeSetting;
        this.caSetting = caSetting;
    }

    public static TlsCheck source() {
        return new TlsCheck("source", MigrationSourceConfig.SOURCE_SSL_MODE, MigrationSourceConfig.SOURCE_SSL_CA);
    }

    public static TlsCheck destination() {
        return new TlsCheck("destination", MigrationSinkConfig.DESTINATION_SSL_MODE, MigrationSinkConfig.DESTINATION_SSL_CA);
    }

    @Override
    public String id() {
        return role + ".tls";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        boolean source = role.equals("source");
        TlsSettings tls = source ? ctx.source().tls() : ctx.sink().tls();
        String host = source ? ctx.source().hostname() : ctx.sink().hostname();
        Connection connection = source ? ctx.sourceConnection() : ctx.destinationConnection();
        String version = status(connection, "Ssl_version");
        String cipher = status(connection, "Ssl_cipher");
        boolean encrypted = version != null && !version.isBlank();
        if (tls.mode() != TlsSettings.Mode.DISABLED) {
            if (!encrypted) {
                return CheckResult.fail(id(), modeSetting + "=" + tls.mode().configName() + " but the connection to " + host
                        + " is not encrypted (Ssl_version is empty)", "The connectors would send the password and the data "
                        + "in clear text although TLS was asked for.", "Enable TLS on the " + role + " server (ssl_cert, ssl_key) "
                        + "and check that nothing between the workers and " + host + " ends the TLS session.");
            }
            String checked = tls.mode() == TlsSettings.Mode.VERIFY_CA ? "the server's certificate verified against " + caSetting
                    : "the server's certificate not checked (" + modeSetting + "=required)";
            return CheckResult.pass(id(), "TLS to " + host + ": " + version + ", " + cipher + "; " + checked);
        }
        if (encrypted) {
            return CheckResult.pass(id(), modeSetting + "=disabled, yet the connection negotiated " + version + " " + cipher);
        }
        if (onPrivateNetwork(host)) {
            return CheckResult.pass(id(), modeSetting + "=disabled; " + host + " is a loopback or private address");
        }
        String haveSsl = CheckContext.variable(connection, "have_ssl");
        String serverSide = "YES".equalsIgnoreCase(haveSsl) ? "The server already offers TLS (have_ssl=YES)."
                : "The server offers no TLS yet (have_ssl=" + haveSsl + "): start it with ssl_cert and ssl_key first.";
        return CheckResult.warn(id(), modeSetting + "=disabled and " + host + " is not a loopback or private address",
                "The " + role + " account's password and every migrated row would cross the network unencrypted.",
                serverSide + " Set " + modeSetting + "=verify_ca and " + caSetting + " to the PEM of the CA that signed the "
                        + "server's certificate (its text, or the path of the file on every worker).");
    }

    /** True for loopback, site-local (10/8, 172.16/12, 192.168/16), link-local and unique-local (fc00::/7) addresses. */
    static boolean onPrivateNetwork(String host) {
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return false;
        }
        return !addresses.isEmpty() && addresses.stream().allMatch(a -> a.isLoopbackAddress() || a.isSiteLocalAddress()
                || a.isLinkLocalAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc));
    }

    private static String status(Connection c, String name) throws SQLException {
        List<List<String>> rows = CheckContext.rows(c, "SHOW SESSION STATUS LIKE ?", name);
        return rows.isEmpty() ? null : rows.get(0).get(1);
    }
}
