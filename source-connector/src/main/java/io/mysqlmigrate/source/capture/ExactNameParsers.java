package io.mysqlmigrate.source.capture;

import io.debezium.bean.StandardBeanNames;
import io.debezium.bean.spi.BeanRegistry;
import io.debezium.connector.binlog.BinlogConnectorConfig;
import io.debezium.connector.binlog.BinlogDatabaseSchema;
import io.debezium.connector.binlog.charset.BinlogCharsetRegistry;
import io.debezium.connector.mariadb.MariaDbDatabaseSchema;
import io.debezium.connector.mariadb.antlr.MariaDbAntlrDdlParser;
import io.debezium.connector.mysql.MySqlDatabaseSchema;
import io.debezium.connector.mysql.antlr.MySqlAntlrDdlParser;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import io.debezium.ddl.parser.mysql.generated.MySqlParser;
import io.debezium.relational.RelationalDatabaseSchema;
import io.debezium.relational.Tables.TableFilter;
import io.debezium.relational.ddl.DdlParser;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Debezium's DDL parsers, reading every name quoted with backticks as the server does.
 *
 * <p>Debezium 3.5's parsers strip the outer backticks of a name but keep a doubled backtick inside it, and only some of
 * their readers undouble afterwards (CREATE TABLE's columns, key parts, qualified table names). ALTER TABLE's column
 * clauses (ADD, CHANGE, MODIFY, DROP, RENAME COLUMN, ALTER COLUMN, AFTER) and RENAME TO do not: a column {@code a`b}
 * added by ALTER TABLE became {@code a``b} in the capture's schema, so its rows named a column the destination has not,
 * and a later MODIFY or DROP of a column CREATE TABLE made missed it ({@code ExactNameParsersTest} measures the
 * stock parsers beside these). These subclasses undouble in the one method every reader calls for a quoted name, and make the
 * readers' own second undoubling a no-op, so each path reads {@code `a``b`} as {@code a`b} exactly once.
 *
 * <p>Debezium offers no setting for the parser: the database schema creates it in its constructor and keeps it in a
 * private final field. {@link #install} replaces it right after the schema is built and before anything is parsed
 * (the capture's snapshotter is consulted in between, {@link ExactNameSnapshotter}), with the arguments Debezium's own
 * {@code createDdlParser} of that flavour passes. Should a Debezium upgrade move that field, the capture fails at
 * start naming it, rather than misreading names.
 */
public final class ExactNameParsers {

    private ExactNameParsers() {
    }

    /** A name quoted with backticks as the server reads it ({@code `a``b`} is {@code a`b}); null when it is not so quoted. */
    static String unquoted(String identifier) {
        if (identifier.length() >= 2 && identifier.startsWith("`") && identifier.endsWith("`")) {
            return identifier.substring(1, identifier.length() - 1).replace("``", "`");
        }
        return null;
    }

    /** Replaces the parser of the database schema in {@code beans}; false while Debezium has not built the schema yet. */
    static boolean install(BeanRegistry beans) {
        Object schema = beans.lookupByName(StandardBeanNames.DATABASE_SCHEMA, Object.class);
        if (!(schema instanceof BinlogDatabaseSchema<?, ?, ?, ?> binlogSchema)) {
            return false;
        }
        BinlogConnectorConfig config = beans.lookupByName(StandardBeanNames.CONNECTOR_CONFIG, BinlogConnectorConfig.class);
        BinlogCharsetRegistry charsets = config.getServiceRegistry().getService(BinlogCharsetRegistry.class);
        TableFilter tables = tableFilter(binlogSchema);
        DdlParser parser;
        if (schema instanceof MySqlDatabaseSchema) {
            parser = new MySql(config.isSchemaCommentsHistoryEnabled(), tables, charsets);
        } else if (schema instanceof MariaDbDatabaseSchema) {
            parser = new MariaDb(config.isSchemaChangesHistoryEnabled(), tables, charsets);
        } else {
            throw new ConnectException("Unknown Debezium database schema " + schema.getClass().getName()
                    + ": the capture knows how to read names exactly only with Debezium's MySQL and MariaDB schemas.");
        }
        try {
            Field field = BinlogDatabaseSchema.class.getDeclaredField("ddlParser");
            field.setAccessible(true);
            field.set(schema, parser);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ConnectException("Cannot give Debezium's database schema the DDL parser that reads names holding a"
                    + " backtick exactly (field BinlogDatabaseSchema.ddlParser: " + e + "). This Debezium version is not"
                    + " the one the plugin was built with; reinstall the plugin archive as shipped.", e);
        }
        return true;
    }

    private static TableFilter tableFilter(BinlogDatabaseSchema<?, ?, ?, ?> schema) {
        try {
            Method getter = RelationalDatabaseSchema.class.getDeclaredMethod("getTableFilter");
            getter.setAccessible(true);
            return (TableFilter) getter.invoke(schema);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ConnectException("Cannot read the table filter of Debezium's database schema ("
                    + e + "); reinstall the plugin archive as shipped.", e);
        }
    }

    /** Debezium's MySQL grammar, names read exactly. */
    public static final class MySql extends MySqlAntlrDdlParser {

        public MySql(boolean includeComments, TableFilter tables, BinlogCharsetRegistry charsets) {
            super(true, false, includeComments, tables, charsets);
        }

        @Override
        public String parseName(MySqlParser.UidContext uid) {
            String exact = unquoted(uid.getText());
            return exact != null ? exact : super.parseName(uid);
        }

        @Override
        public String removeRepeatedBacktick(String name) {
            return name;
        }
    }

    /** Debezium's MariaDB grammar, names read exactly. */
    public static final class MariaDb extends MariaDbAntlrDdlParser {

        public MariaDb(boolean includeComments, TableFilter tables, BinlogCharsetRegistry charsets) {
            super(true, false, includeComments, tables, charsets);
        }

        @Override
        public String parseName(MariaDBParser.UidContext uid) {
            String exact = unquoted(uid.getText());
            return exact != null ? exact : super.parseName(uid);
        }

        @Override
        public String removeRepeatedBacktick(String name) {
            return name;
        }
    }
}
