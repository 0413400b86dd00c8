package io.mysqlmigrate.dialect;

/**
 * A privilege on an object as a GRANT names it: {@code database} and {@code table} null mean {@code *}. Used where the
 * privilege that shows an account a kind of schema object differs between MySQL and MariaDB.
 */
public record ObjectPrivilege(String privilege, String database, String table) {

    /** The {@code ON} part of a GRANT: {@code *.*}, {@code `db`.*} or {@code `db`.`table`}. */
    public String on() {
        if (database == null) {
            return "*.*";
        }
        return Identifiers.quote(database) + "." + (table == null ? "*" : Identifiers.quote(table));
    }

    /** {@code GRANT <privilege> ON <object> TO <account>;}, the account already quoted as {@code 'user'@'host'}. */
    public String grantTo(String account) {
        return "GRANT " + privilege + " ON " + on() + " TO " + account + ";";
    }

    @Override
    public String toString() {
        return privilege + " on " + on();
    }
}
