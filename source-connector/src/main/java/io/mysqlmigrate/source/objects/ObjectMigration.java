package io.mysqlmigrate.source.objects;

import io.mysqlmigrate.source.capture.SourceConnections;
import io.mysqlmigrate.source.capture.SourceEndpoint;
import io.mysqlmigrate.source.routing.DatabaseTopicRouter;
import io.mysqlmigrate.source.routing.EventKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the views, routines, triggers and events Debezium does not report, and the selected accounts: all of them
 * once the snapshot is through (with schema migration), then what changed at each check (with incremental migration).
 * Their statements are shaped like the schema changes Debezium emits and routed to their databases' topics, never
 * inside an open source transaction.
 */
public final class ObjectMigration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectMigration.class);

    private final SourceEndpoint source;
    private final ObjectSettings settings;
    private final DatabaseTopicRouter router;
    private final String watcherName;
    private final ObjectSync objectSync = new ObjectSync();
    private final ObjectChangeRecords objectRecords = new ObjectChangeRecords();
    private boolean migrated;
    /** Reads the catalog for changes once the objects are migrated (incremental migrations only). */
    private ObjectWatcher watcher;

    /** @param watcherName the name of the thread that reads the catalog for changes */
    public ObjectMigration(SourceEndpoint source, ObjectSettings settings, DatabaseTopicRouter router, String watcherName) {
        this.source = source;
        this.settings = settings;
        this.router = router;
        this.watcherName = watcherName;
    }

    /** Remembers the envelope and position of a record forwarded to the topics, which the statements are shaped after. */
    public void observe(SourceRecord forwarded) {
        objectRecords.observe(forwarded, EventKind.of(forwarded) == EventKind.SCHEMA_CHANGE);
    }

    /** True once the objects have been read for the first time (and sent, with schema migration). */
    public boolean migrated() {
        return migrated;
    }

    /**
     * The views and routines this migration keeps in step. As in DTS, selecting tables (rather than whole databases)
     * migrates those tables only, not the databases' views, routines, triggers and events.
     */
    private List<SourceObject> migratedObjects(Connection c) throws SQLException {
        List<SourceObject> objects = new ArrayList<>();
        if (settings.wholeDatabases()) {
            objects.addAll(ObjectCatalog.viewsAndRoutines(c, settings.databases()));
            if (settings.guardedTriggers()) {
                objects.addAll(ObjectCatalog.guardedTriggers(c, settings.databases()));
            }
            if (settings.disabledEvents()) {
                objects.addAll(ObjectCatalog.disabledEvents(c, settings.databases()));
            }
        }
        return objects;
    }

    /**
     * The records of the statements due now, routed to their topics: all objects once the snapshot is done, then the
     * changes the watcher found. None while a source transaction is open in the stream.
     */
    public List<SourceRecord> changes(boolean snapshotDone) {
        boolean initial = !migrated;
        if (initial ? !snapshotDone : watcher == null) {
            return List.of();
        }
        if (router.inTransaction()) {
            return List.of();
        }
        List<ObjectSync.Statement> statements;
        if (!initial) {
            List<SourceObject> objects = watcher.take();
            if (objects == null) {
                return List.of();
            }
            statements = objectSync.diff(objects);
        } else {
            try (Connection c = SourceConnections.open(source)) {
                List<SourceObject> objects = migratedObjects(c);
                statements = new ArrayList<>();
                if (settings.schema() && !settings.accounts().isEmpty()) {
                    // Accounts first: a view or routine may be granted to them. They are global; the first database's
                    // topic carries them.
                    for (String ddl : AccountCatalog.statements(c, settings.accounts())) {
                        statements.add(new ObjectSync.Statement(settings.databases().get(0), ddl));
                    }
                }
                statements.addAll(objectSync.diff(objects));
            } catch (SQLException | IllegalArgumentException e) {
                if (settings.schema()) {
                    throw new ConnectException("Cannot read the views and routines of " + settings.databases() + " on the source to "
                            + "migrate them: " + e.getMessage(), e);
                }
                LOG.warn("Cannot read the source's views and routines ({}); trying again", e.getMessage());
                return List.of();
            }
            if (settings.followChanges() && settings.syncIntervalMs() > 0) {
                watcher = new ObjectWatcher(() -> SourceConnections.open(source), this::migratedObjects,
                        settings.syncIntervalMs(), watcherName);
            }
        }
        migrated = true;
        if (initial && !settings.schema()) {
            return List.of(); // the destination's own objects stand; later changes are migrated
        }
        if (!statements.isEmpty() && !objectRecords.ready()) {
            LOG.warn("{} view and routine statements cannot be sent yet: no schema change has been seen to shape them", statements.size());
            return List.of();
        }
        List<SourceRecord> records = new ArrayList<>();
        for (ObjectSync.Statement st : statements) {
            records.add(objectRecords.create(st.database(), st.ddl(), st.context()));
            LOG.info("View or routine of {} migrated: {}", st.database(), st.ddl().lines().findFirst().orElse(""));
        }
        return router.route(records);
    }

    /** Stops reading the catalog. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
