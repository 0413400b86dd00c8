package io.mysqlmigrate.precheck.check;

/** A check's verdict. FAIL blocks the migration; WARN can be acknowledged by its id; PASS needs nothing. */
public enum Status {
    PASS,
    WARN,
    FAIL
}
