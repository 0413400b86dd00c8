package io.mysqlmigrate.sink.naming;

import io.mysqlmigrate.sink.ddl.ObjectNames;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each source database, table and column goes on the destination: the explicit rules of {@code name.mapping}
 * first (a mapped name is used as written), then the case policy of {@code name.case}. Database and table names
 * match the rules exactly, as on a case-sensitive server; column names match without regard to case, as MySQL
 * compares them.
 */
public final class NameMapping implements ObjectNames {

    public static final NameMapping IDENTITY = new NameMapping(List.of(), NameCase.SOURCE, 0);

    private final Map<String, String> databases = new HashMap<>();
    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, String> columns = new HashMap<>();
    private final boolean foldTables;
    private final Locale locale = Locale.ROOT;
    private final NameCase nameCase;

    /**
     * @param rules              parsed {@code name.mapping}
     * @param nameCase           the case policy
     * @param lowerCaseTableNames the destination's {@code lower_case_table_names} (0, 1 or 2)
     */
    NameMapping(List<MappingRule> rules, NameCase nameCase, int lowerCaseTableNames) {
        this.nameCase = nameCase;
        this.foldTables = nameCase == NameCase.DESTINATION && lowerCaseTableNames != 0;
        for (MappingRule rule : rules) {
            List<String> s = rule.source();
            Map<String, String> target = switch (rule.level()) {
                case DATABASE -> databases;
                case TABLE -> tables;
                case COLUMN -> columns;
            };
            String key = key(s);
            String earlier = target.put(key, rule.destination());
            if (earlier != null && !earlier.equals(rule.destination())) {
                throw new IllegalArgumentException("Two rules map " + String.join(".", s) + ": to '" + earlier + "' and to '"
                        + rule.destination() + "'");
            }
        }
    }

    /** The mapping a configuration asks for; {@code lowerCaseTableNames} is read from the destination. */
    public static NameMapping of(String rules, NameCase nameCase, int lowerCaseTableNames) {
        List<MappingRule> parsed = MappingRule.parseAll(rules);
        if (parsed.isEmpty() && (nameCase == NameCase.SOURCE || (nameCase == NameCase.DESTINATION && lowerCaseTableNames == 0))) {
            return IDENTITY;
        }
        return new NameMapping(parsed, nameCase, lowerCaseTableNames);
    }

    /** Checks the rules of a setting; the message of the exception names the bad rule. */
    public static void validate(String rules) {
        new NameMapping(MappingRule.parseAll(rules), NameCase.SOURCE, 0);
    }

    /** True when every name stays as the source has it: nothing to rewrite. */
    @Override
    public boolean isIdentity() {
        return this == IDENTITY;
    }

    @Override
    public String database(String database) {
        if (database == null || database.isEmpty()) {
            return database;
        }
        String mapped = databases.get(database);
        return mapped != null ? mapped : tableCase(database);
    }

    @Override
    public String table(String database, String table) {
        if (table == null) {
            return null;
        }
        String mapped = tables.get(key(database, table));
        return mapped != null ? mapped : tableCase(table);
    }

    @Override
    public String column(String database, String table, String column) {
        if (column == null) {
            return null;
        }
        String mapped = columns.get(key(database, table, column.toLowerCase(locale)));
        return mapped != null ? mapped : columnCase(column);
    }

    /** Whether some column of this table gets another name (a rule, or a case policy that changes columns). */
    public boolean renamesColumnsOf(String database, String table) {
        if (nameCase == NameCase.LOWER || nameCase == NameCase.UPPER) {
            return true;
        }
        String prefix = key(database, table) + '\0';
        return columns.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    private String tableCase(String name) {
        return switch (nameCase) {
            case LOWER -> name.toLowerCase(locale);
            case UPPER -> name.toUpperCase(locale);
            case DESTINATION -> foldTables ? name.toLowerCase(locale) : name;
            case SOURCE -> name;
        };
    }

    private String columnCase(String name) {
        return switch (nameCase) {
            case LOWER -> name.toLowerCase(locale);
            case UPPER -> name.toUpperCase(locale);
            default -> name;
        };
    }

    private String key(List<String> parts) {
        return switch (parts.size()) {
            case 1 -> key(parts.get(0));
            case 2 -> key(parts.get(0), parts.get(1));
            default -> key(parts.get(0), parts.get(1), parts.get(2).toLowerCase(locale));
        };
    }

    private static String key(String... parts) {
        return String.join("\0", parts);
    }
}
