package io.mysqlmigrate.source.objects;

import java.util.List;

/**
 * What of the source's views, routines, triggers, events and accounts a migration carries over, read once from the
 * connector's config.
 *
 * @param wholeDatabases  true when whole databases are selected (no table list): only then are their objects migrated
 * @param guardedTriggers true when triggers are created at once (guarded against the sink's session)
 * @param disabledEvents  true when events are migrated (created disabled)
 * @param accounts        the accounts created first (with schema migration only)
 * @param schema          true with schema migration: the initial objects are sent; without, only later changes are
 * @param followChanges   true with incremental migration: the catalog is read again every {@code syncIntervalMs}
 * @param syncIntervalMs  how often the catalog is read for changes; 0 never
 */
public record ObjectSettings(List<String> databases, boolean wholeDatabases, boolean guardedTriggers, boolean disabledEvents,
                             List<AccountCatalog.Account> accounts, boolean schema, boolean followChanges, int syncIntervalMs) {
}
