package io.mysqlmigrate.source.objects;

import io.mysqlmigrate.dialect.ObjectContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the destination's views, procedures and functions in step with the source's. Debezium reports none of their
 * DDL, so the definitions are read from the source: all of them once the schema has been migrated, then again at
 * each check, and the differences become statements (create, replace, drop) for the database topics. A CREATE carries
 * the object's own session context (sql_mode, character set, collations), a change of which alone also replaces it.
 */
public final class ObjectSync {

    /** One statement for a database's topic, with the session context it runs in on the destination (null: the sink's). */
    public record Statement(String database, String ddl, ObjectContext context) {

        public Statement(String database, String ddl) {
            this(database, ddl, null);
        }
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
                out.add(new Statement(o.database(), o.createStatement(), o.context()));
            } else if (!before.createStatement().equals(o.createStatement()) || !java.util.Objects.equals(before.context(), o.context())) {
                // The same text in another sql_mode or character set is another object: its body parses and runs differently.
                for (String ddl : o.replaceStatements()) {
                    out.add(new Statement(o.database(), ddl, ddl.equals(o.createStatement()) ? o.context() : null));
                }
            }
        }
        known.clear();
        known.putAll(now);
        return out;
    }
}
