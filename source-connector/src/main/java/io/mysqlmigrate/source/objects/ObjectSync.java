package io.mysqlmigrate.source.objects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the destination's views, procedures and functions in step with the source's. Debezium reports none of their
 * DDL, so the definitions are read from the source: all of them once the schema has been migrated, then again at
 * each check, and the differences become statements (create, replace, drop) for the database topics.
 */
public final class ObjectSync {

    /** One statement for a database's topic. */
    public record Statement(String database, String ddl) {
    }

    private final Map<String, SourceObject> known = new LinkedHashMap<>();

    /** The statements that bring the destination from what was sent before to {@code current}. */
    public List<Statement> diff(List<SourceObject> current) {
        List<Statement> out = new ArrayList<>();
        Map<String, SourceObject> now = new LinkedHashMap<>();
        for (SourceObject o : current) {
            now.put(o.key(), o);
        }
        for (SourceObject gone : known.values()) {
            if (!now.containsKey(gone.key())) {
                out.add(new Statement(gone.database(), gone.dropStatement()));
            }
        }
        for (SourceObject o : current) {
            SourceObject before = known.get(o.key());
            if (before == null) {
                out.add(new Statement(o.database(), o.createStatement()));
            } else if (!before.createStatement().equals(o.createStatement())) {
                for (String ddl : o.replaceStatements()) {
                    out.add(new Statement(o.database(), ddl));
                }
            }
        }
        known.clear();
        known.putAll(now);
        return out;
    }
}
