package io.mysqlmigrate.source.onlineddl;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.source.routing.EventKind;
import io.mysqlmigrate.source.selection.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online schema change tools (gh-ost and the like) alter a shadow copy of a table, fill it, then swap it in with one
 * RENAME. In {@code replay} mode the shadow and trash tables never reach the topics: the ALTERs applied to a shadow
 * table are remembered, and at the swap the RENAME is replaced by those ALTERs on the real table, whose rows kept
 * flowing all along. In {@code copy} mode everything passes as it happened. A pt-online-schema-change swap
 * ({@code _t_new} / {@code _t_old}) is refused, naming the table, as DTS refuses it.
 */
public final class OnlineSchemaChanges {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineSchemaChanges.class);
    private static final Pattern ALTER_HEAD = Pattern.compile(
            "^(\\s*ALTER\\s+(?:ONLINE\\s+|OFFLINE\\s+|IGNORE\\s+)*TABLE\\s+(?:IF\\s+EXISTS\\s+)?)"
                    + "((?:`(?:[^`]|``)+`|[\\w$]+)(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[\\w$]+))?)",
            Pattern.CASE_INSENSITIVE);

    public enum Mode { COPY, REPLAY }

    private final Mode mode;
    private final Pattern shadow;
    private final Pattern trash;
    private final PendingAlters pending;

    public OnlineSchemaChanges(Mode mode, Pattern shadow, Pattern trash, PendingAlters pending) {
        this.mode = mode;
        this.shadow = shadow;
        this.trash = trash;
        this.pending = pending;
    }

    /** The records to forward in place of this one: itself, nothing, or the ALTERs an online schema change made. */
    public List<SourceRecord> handle(SourceRecord record, EventKind kind) {
        if (mode == Mode.COPY || (kind != EventKind.ROW_CHANGE && kind != EventKind.SCHEMA_CHANGE)) {
            return List.of(record);
        }
        Struct value = (Struct) record.value();
        if (kind == EventKind.ROW_CHANGE) {
            Struct source = value.getStruct("source");
            return isHelper(source.getString("table")) ? List.of() : List.of(record);
        }
        String ddl = value.getString("ddl");
        String database = value.getString("databaseName");
        List<RenamePairs.Pair> pairs = RenamePairs.of(ddl, database);
        if (!pairs.isEmpty()) {
            return rename(record, value, pairs);
        }
        TableName table = tableOf(value);
        if (table == null || !isHelper(table.table())) {
            return List.of(record);
        }
        Matcher shadowName = shadow.matcher(table.table());
        Matcher alter = ALTER_HEAD.matcher(ddl == null ? "" : ddl);
        if (shadowName.matches() && alter.find()) {
            TableName real = new TableName(table.database(), shadowName.group(1));
            String onReal = ddl.substring(0, alter.start(2)) + real.quoted() + ddl.substring(alter.end(2));
            pending.add(real, onReal);
            LOG.info("Online schema change of {}: held back for the cut-over: {}", real, onReal);
        }
        return List.of();
    }

    private List<SourceRecord> rename(SourceRecord record, Struct value, List<RenamePairs.Pair> pairs) {
        List<RenamePairs.Pair> swapsIn = new ArrayList<>();
        boolean allHelpers = true;
        for (RenamePairs.Pair p : pairs) {
            Matcher m = shadow.matcher(p.from().table());
            boolean shadowIntoReal = m.matches() && m.group(1).equals(p.to().table()) && p.from().database().equals(p.to().database());
            boolean realIntoTrash = trash.matcher(p.to().table()).matches();
            if (shadowIntoReal) {
                if (p.from().table().endsWith("_new")) {
                    throw new ConnectException("pt-online-schema-change swapped " + p.to() + " with " + p.from() + ". It is not "
                            + "supported (its triggers write the copy inside the same transactions as the source's changes). "
                            + "Run the change with gh-ost, or as a plain ALTER TABLE, and restart the migration of " + p.to()
                            + " from a fresh snapshot.");
                }
                swapsIn.add(p);
            } else if (!realIntoTrash && !isHelper(p.from().table()) && !isHelper(p.to().table())) {
                allHelpers = false;
            }
        }
        if (swapsIn.isEmpty()) {
            return allHelpers && pairs.stream().allMatch(p -> isHelper(p.from().table()) || isHelper(p.to().table()))
                    ? List.of() : List.of(record);
        }
        List<SourceRecord> out = new ArrayList<>();
        for (RenamePairs.Pair p : swapsIn) {
            List<String> alters = pending.take(p.to());
            if (alters.isEmpty()) {
                throw new ConnectException("The online schema change of " + p.to() + " finished (" + oneLine(value.getString("ddl"))
                        + ") but no ALTER of " + p.from() + " was seen. Apply the change to the destination's " + p.to()
                        + " by hand and restart the connector, or migrate with online.ddl.mode=copy.");
            }
            for (String alter : alters) {
                out.add(withDdl(record, value, alter));
                LOG.info("Online schema change of {} cut over: replaying {}", p.to(), alter);
            }
        }
        return out;
    }

    private boolean isHelper(String table) {
        return table != null && (shadow.matcher(table).matches() || trash.matcher(table).matches());
    }

    private static TableName tableOf(Struct value) {
        if (value.schema().field("tableChanges") == null) {
            return null;
        }
        List<Object> changes = value.getArray("tableChanges");
        if (changes == null || changes.isEmpty() || !(changes.get(0) instanceof Struct change) || change.get("id") == null) {
            return null;
        }
        List<String> parts = Identifiers.splitQualified(change.getString("id"), '"');
        return parts.size() == 2 ? new TableName(parts.get(0), parts.get(1)) : null;
    }

    private static SourceRecord withDdl(SourceRecord record, Struct value, String ddl) {
        Struct out = new Struct(value.schema());
        for (Field f : value.schema().fields()) {
            out.put(f, value.get(f));
        }
        out.put("ddl", ddl);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(), out,
                record.timestamp(), record.headers().duplicate());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    public PendingAlters pending() {
        return pending;
    }

    /**
     * ALTERs seen on shadow tables and not yet cut over, per real table. They must outlive a task restart between a
     * shadow's ALTER and its swap, so the task keeps them in Connect's offsets (see {@link #encode()}).
     */
    public static final class PendingAlters {
        private static final char FIELD = '\u001F';
        private static final char ENTRY = '\u001E';

        private final Map<TableName, List<String>> byTable = new LinkedHashMap<>();
        private boolean changed;

        void add(TableName real, String alter) {
            List<String> list = byTable.computeIfAbsent(real, t -> new ArrayList<>());
            if (!list.contains(alter)) {
                list.add(alter);
                changed = true;
            }
        }

        List<String> take(TableName real) {
            List<String> list = byTable.remove(real);
            if (list != null) {
                changed = true;
            }
            return list == null ? List.of() : list;
        }

        public boolean isEmpty() {
            return byTable.isEmpty();
        }

        /** True once after each change: the task then stores the new state. */
        public boolean takeChanged() {
            boolean was = changed;
            changed = false;
            return was;
        }

        /** One string for an offset: database, table and statement per entry, in control characters no name holds. */
        public String encode() {
            StringBuilder out = new StringBuilder();
            byTable.forEach((table, alters) -> alters.forEach(a -> {
                if (out.length() > 0) {
                    out.append(ENTRY);
                }
                out.append(table.database()).append(FIELD).append(table.table()).append(FIELD).append(a);
            }));
            return out.toString();
        }

        public static PendingAlters decode(String encoded) {
            PendingAlters p = new PendingAlters();
            if (encoded != null && !encoded.isEmpty()) {
                for (String entry : encoded.split(String.valueOf(ENTRY))) {
                    String[] f = entry.split(String.valueOf(FIELD), 3);
                    if (f.length == 3) {
                        p.add(new TableName(f[0], f[1]), f[2]);
                    }
                }
            }
            p.changed = false;
            return p;
        }
    }
}
