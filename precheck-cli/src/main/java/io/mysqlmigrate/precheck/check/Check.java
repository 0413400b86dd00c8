package io.mysqlmigrate.precheck.check;

import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.Set;

/** One prerequisite of a migration, checked against the live servers. */
public interface Check {

    /** Stable id, e.g. {@code source.binlog.format}: what users acknowledge a WARN by. */
    String id();

    /** Whether the migration types chosen need this check at all. */
    default boolean appliesTo(Set<MigrationType> types) {
        return true;
    }

    CheckResult run(CheckContext context) throws SQLException;
}
