package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated invisible primary keys (MySQL 8.0.30+, {@code sql_generate_invisible_primary_key}): source tables whose
 * key is the generated {@code my_row_id}, and a destination that would add one to tables the source has without a
 * primary key, so the destination table has a column the source's rows do not. Both are found by query; a server
 * without the setting (MariaDB, older MySQL) has none, and the check says so.
 */
public final class GeneratedInvisiblePrimaryKeyCheck implements Check {

    static final String SETTING = "sql_generate_invisible_primary_key";

    @Override
    public String id() {
        return "servers.generated_invisible_primary_keys";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        String sourceSetting = CheckContext.variable(ctx.sourceConnection(), SETTING);
        String destinationSetting = CheckContext.variable(ctx.destinationConnection(), SETTING);
        if (sourceSetting == null && destinationSetting == null) {
            return CheckResult.pass(id(), "neither server has " + SETTING + " (source " + ctx.sourceVersion() + ", destination "
                    + ctx.destinationVersion() + "): generated invisible primary keys exist only on MySQL 8.0.30 and later");
        }
        List<List<String>> generated = sourceSetting != null ? sourceTablesWithGeneratedKey(ctx) : List.of();
        List<String> keyless = new ArrayList<>();
        if ("ON".equalsIgnoreCase(destinationSetting)) {
            for (List<String> t : SelectedTablesQuery.rows(ctx, "SELECT t.TABLE_SCHEMA, t.TABLE_NAME "
                    + "FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA IN (%s) AND t.TABLE_TYPE = 'BASE TABLE' AND NOT EXISTS "
                    + "(SELECT 1 FROM information_schema.STATISTICS s WHERE s.TABLE_SCHEMA = t.TABLE_SCHEMA "
                    + "AND s.TABLE_NAME = t.TABLE_NAME AND s.INDEX_NAME = 'PRIMARY') ORDER BY 1, 2")) {
                if (SelectedTablesQuery.selected(ctx, t.get(0), t.get(1))) {
                    keyless.add(t.get(0) + "." + t.get(1));
                }
            }
        }
        return decide(sourceSetting, destinationSetting, generated, keyless);
    }

    /**
     * The decision once the servers were read: {@code generated} are the source's (schema, table) keyed by a generated
     * my_row_id, {@code keyless} the selected tables without primary key when the destination generates keys. Apart
     * from run() because only MySQL 8.0.30+ has the setting, and the test servers here are MariaDB.
     */
    CheckResult decide(String sourceSetting, String destinationSetting, List<List<String>> generated, List<String> keyless) {
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (!generated.isEmpty()) {
            problems.add("source tables keyed by a generated invisible my_row_id: " + String.join(", ",
                    generated.stream().map(t -> t.get(0) + "." + t.get(1)).toList()));
            for (List<String> t : generated) {
                fixes.add("ALTER TABLE " + Identifiers.quote(t.get(0), t.get(1)) + " ALTER COLUMN my_row_id SET VISIBLE "
                        + "(on the source: the key becomes an ordinary column)");
            }
        }
        if ("ON".equalsIgnoreCase(destinationSetting) && !keyless.isEmpty()) {
            problems.add("the destination has " + SETTING + "=ON and would add a my_row_id key to tables the source has "
                    + "without a primary key: " + String.join(", ", keyless));
            fixes.add("SET GLOBAL " + SETTING + " = OFF (on the destination, before the schema is migrated)");
        }
        String found = SETTING + ": source " + sourceSetting + ", destination " + destinationSetting;
        if (problems.isEmpty()) {
            return CheckResult.pass(id(), found + "; no table of the migration has or would get a generated invisible primary key");
        }
        return CheckResult.warn(id(), found + "; " + String.join("; ", problems),
                "A generated my_row_id is a column that one side may have and the other not: SHOW CREATE TABLE hides it "
                        + "when show_gipk_in_create_table_and_information_schema is OFF, while the rows carry it, and a table "
                        + "whose columns differ from the rows' stops the sink.", String.join("; ", fixes) + ".");
    }

    /** Source tables keyed by my_row_id; information_schema shows it only with the session's show_gipk setting on. */
    private static List<List<String>> sourceTablesWithGeneratedKey(CheckContext ctx) throws SQLException {
        Connection c = ctx.sourceConnection();
        if (CheckContext.variable(c, "show_gipk_in_create_table_and_information_schema") != null) {
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION show_gipk_in_create_table_and_information_schema = ON");
            }
        }
        List<List<String>> tables = new ArrayList<>();
        for (List<String> row : SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA IN (%s) AND COLUMN_NAME = 'my_row_id' AND COLUMN_KEY = 'PRI' "
                + "AND UPPER(EXTRA) LIKE '%%INVISIBLE%%' ORDER BY 1, 2")) {
            if (SelectedTablesQuery.selected(ctx, row.get(0), row.get(1))) {
                tables.add(row);
            }
        }
        return tables;
    }
}
