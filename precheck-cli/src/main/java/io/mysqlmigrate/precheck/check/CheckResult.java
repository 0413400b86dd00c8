package io.mysqlmigrate.precheck.check;

/**
 * What one check found: a stable id, the verdict, what was found, why it matters and how to fix it (the SQL or
 * setting). Never holds a password.
 */
public record CheckResult(String id, Status status, String found, String why, String fix) {

    public static CheckResult pass(String id, String found) {
        return new CheckResult(id, Status.PASS, found, "", "");
    }

    public static CheckResult warn(String id, String found, String why, String fix) {
        return new CheckResult(id, Status.WARN, found, why, fix);
    }

    public static CheckResult fail(String id, String found, String why, String fix) {
        return new CheckResult(id, Status.FAIL, found, why, fix);
    }
}
