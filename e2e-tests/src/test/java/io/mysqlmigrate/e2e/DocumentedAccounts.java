package io.mysqlmigrate.e2e;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.stack.DatabaseServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The least-privilege accounts exactly as docs/SECURITY.md states them: every {@code sql} block whose first line is a
 * {@code -- source account...} or {@code -- destination account...} comment, placeholders filled, a line naming
 * {@code ${DATABASE}} repeated once per migrated database (as the doc tells users to do); a block whose comment ends
 * {@code on MariaDB} or {@code on MySQL} only on a server of that flavour.
 */
final class DocumentedAccounts {

    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(-- (source|destination) account[^\\n]*)\\n(.*?)```",
            Pattern.DOTALL);

    private DocumentedAccounts() {
    }

    /** Creates the source or destination account on {@code server} with the documented statements. */
    static void create(DatabaseServer server, String side, String user, String password, List<String> databases,
            String stateDatabase) {
        List<String> statements = new ArrayList<>();
        statements.add("DROP USER IF EXISTS '" + user + "'@'%'");
        Map<String, String> values = Map.of(
                "SOURCE_USER", user, "SOURCE_PASSWORD", password, "DESTINATION_USER", user,
                "DESTINATION_PASSWORD", password);
        int blocks = 0;
        Matcher m = SQL_BLOCK.matcher(read());
        while (m.find()) {
            if (!m.group(2).equals(side)) {
                continue;
            }
            String heading = m.group(1);
            if (heading.endsWith(" on MariaDB") && server.flavour() != Flavour.MARIADB
                    || heading.endsWith(" on MySQL") && server.flavour() != Flavour.MYSQL) {
                continue;
            }
            blocks++;
            for (String line : m.group(3).split(";\\s*\\n")) {
                String statement = line.replaceAll("(?m)^--.*$", "").strip().replaceAll(";$", "");
                if (statement.isEmpty()) {
                    continue;
                }
                for (Map.Entry<String, String> e : values.entrySet()) {
                    statement = statement.replace("${" + e.getKey() + "}", e.getValue());
                }
                if (statement.contains("${DATABASE}")) {
                    for (String database : databases) {
                        statements.add(statement.replace("${DATABASE}", database));
                    }
                } else {
                    statements.add(statement.replace("`mysql_migrate`", "`" + stateDatabase + "`"));
                }
            }
        }
        if (blocks == 0) {
            throw new IllegalStateException("docs/SECURITY.md has no sql block for the " + side + " account");
        }
        for (String statement : statements) {
            if (statement.contains("${")) {
                throw new IllegalStateException("docs/SECURITY.md: a placeholder the corpus cannot fill: " + statement);
            }
        }
        server.execute(statements.toArray(String[]::new));
    }

    private static String read() {
        try {
            return Files.readString(ScenarioFiles.DOCS_DIR.resolve("SECURITY.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
