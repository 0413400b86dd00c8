package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.dialect.TlsSettings;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach the source server: host, port, account and TLS, as the connector's settings give them. The password
 * stays a {@link Password}, so printing the record never shows it.
 */
public record SourceEndpoint(String hostname, int port, String user, Password password, TlsSettings tls) {
}
