package io.mysqlmigrate.source.selection;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tables are migrated, decided the way Debezium decides it for rows (the selected databases, then the
 * include and exclude patterns matched against the whole {@code database.table}, ignoring case), so the source can
 * hold back the DDL of tables whose rows Debezium already leaves out: Debezium still reports the CREATE TABLE of
 * every table of a selected database.
 */
public final class TableSelection {

    private final List<String> databases;
    private final List<Pattern> include;
    private final List<Pattern> exclude;

    public TableSelection(List<String> databases, List<String> include, List<String> exclude) {
        this.databases = databases.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.include = compile(include);
        this.exclude = compile(exclude);
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(String::trim).filter(s -> !s.isEmpty()).map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
    }

    public boolean selected(TableName table) {
        if (databases.stream().noneMatch(d -> d.equals(table.database()))) {
            return false;
        }
        String id = table.debeziumId();
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(id).matches())) {
            return false;
        }
        return exclude.stream().noneMatch(p -> p.matcher(id).matches());
    }
}
