package io.mysqlmigrate.sink.naming;

import io.mysqlmigrate.sink.config.ConfigChoice;

/**
 * The letter case of database, table and column names on the destination, for names no mapping rule gives
 * explicitly (DTS: "capitalization of object names in the destination instance").
 */
public enum NameCase implements ConfigChoice {
    /** As the source spells them. */
    SOURCE,
    /** As the destination stores them by default: database and table names in lower case when its
     * {@code lower_case_table_names} is 1 or 2, as the source otherwise; column names as the source. */
    DESTINATION,
    /** Database, table and column names in lower case. */
    LOWER,
    /** Database, table and column names in upper case. */
    UPPER
}
