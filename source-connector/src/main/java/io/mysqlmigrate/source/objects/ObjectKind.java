package io.mysqlmigrate.source.objects;

/** The schema objects Debezium does not capture, which the source migrates itself. */
public enum ObjectKind {
    VIEW("VIEW"),
    PROCEDURE("PROCEDURE"),
    FUNCTION("FUNCTION"),
    TRIGGER("TRIGGER"),
    EVENT("EVENT");

    private final String keyword;

    ObjectKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
