package io.mysqlmigrate.sink.naming;

import io.mysqlmigrate.dialect.ObjectContext;
import io.mysqlmigrate.sink.ddl.CollationMapping;
import io.mysqlmigrate.sink.ddl.DdlNameRewriter;
import io.mysqlmigrate.sink.event.ChangeEvent;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.event.SchemaChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Turns change events with source names into the same events with destination names: database and table of every
 * row change and DDL, the columns of row images (their structs get renamed fields), and the text of DDL statements
 * ({@link DdlNameRewriter}). Everything after this point (conflicts, writing, the DDL journal) sees destination
 * names only.
 */
public final class DestinationNames {

    private static final int MAX_CACHED_SCHEMAS = 10_000;

    private final NameMapping names;
    private final DdlNameRewriter ddl;
    private final CollationMapping collations;
    private final Map<Schema, Schema> renamedSchemas = new IdentityHashMap<>();

    public DestinationNames(NameMapping names) {
        this(names, CollationMapping.NONE);
    }

    public DestinationNames(NameMapping names, CollationMapping collations) {
        this.names = names;
        this.ddl = new DdlNameRewriter(names, collations);
        this.collations = collations;
    }

    public ChangeEvent map(ChangeEvent event) {
        if (event instanceof SchemaChange change) {
            return map(change); // also without a mapping: the source's charset defaults, type spellings (DdlNameRewriter)
        }
        if (ddl.isIdentity()) {
            return event;
        }
        if (names.isIdentity()) {
            return event instanceof SchemaChange change ? map(change) : event;
        }
        if (event instanceof RowChange row) {
            return map(row);
        }
        if (event instanceof SchemaChange change) {
            return map(change);
        }
        return event;
    }

    private RowChange map(RowChange row) {
        String db = row.database();
        String table = row.table();
        boolean columns = names.renamesColumnsOf(db, table);
        return new RowChange(row.offset(), names.database(db), names.table(db, table), row.operation(),
                columns ? rename(row.key(), db, table) : row.key(),
                columns ? rename(row.before(), db, table) : row.before(),
                columns ? rename(row.after(), db, table) : row.after(), row.position(), row.keyChange());
    }

    private SchemaChange map(SchemaChange change) {
        String db = change.database();
        List<SchemaChange.TableShape> shapes = new ArrayList<>();
        for (SchemaChange.TableShape shape : change.tables()) {
            String shapeDb = shape.database() != null ? shape.database() : db;
            List<String> columns = shape.columns().stream().map(c -> names.column(shapeDb, shape.table(), c)).toList();
            shapes.add(new SchemaChange.TableShape(shape.changeType(), names.database(shapeDb), names.table(shapeDb, shape.table()),
                    columns));
        }
        String text = ddl.rewrite(change.ddl(), db, change.grammar(), change.charsetDefaults());
        ObjectContext object = change.object() == null ? null : change.object().mapped(collations::charset, collations::collation);
        return new SchemaChange(change.offset(), names.database(db), text, List.copyOf(shapes), change.position(),
                change.grammar(), object, change.charsetDefaults());
    }

    private Struct rename(Struct struct, String db, String table) {
        if (struct == null) {
            return null;
        }
        Schema renamed = renamedSchemas.get(struct.schema());
        if (renamed == null) {
            renamed = renamedSchema(struct.schema(), db, table);
            if (renamedSchemas.size() >= MAX_CACHED_SCHEMAS) {
                renamedSchemas.clear();
            }
            renamedSchemas.put(struct.schema(), renamed);
        }
        Struct out = new Struct(renamed);
        List<Field> from = struct.schema().fields();
        List<Field> to = renamed.fields();
        for (int i = 0; i < from.size(); i++) {
            out.put(to.get(i), struct.getWithoutDefault(from.get(i).name()));
        }
        return out;
    }

    private Schema renamedSchema(Schema schema, String db, String table) {
        SchemaBuilder builder = SchemaBuilder.struct().name(schema.name()).version(schema.version()).doc(schema.doc());
        if (schema.isOptional()) {
            builder.optional();
        }
        if (schema.parameters() != null) {
            builder.parameters(schema.parameters());
        }
        Set<String> seen = new HashSet<>();
        for (Field f : schema.fields()) {
            String name = names.column(db, table, f.name());
            if (!seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new DataException("name.mapping gives two columns of " + db + "." + table + " the destination name '"
                        + name + "'. Fix: map them to different names in name.mapping (or choose another name.case).");
            }
            builder.field(name, f.schema());
        }
        return builder.build();
    }
}
