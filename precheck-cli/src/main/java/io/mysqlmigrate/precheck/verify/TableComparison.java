package io.mysqlmigrate.precheck.verify;

/** The outcome of comparing one table on both sides. A side is null when the table does not exist there. */
public record TableComparison(String database, String table, TableFingerprint source, TableFingerprint destination) {

    public boolean matches() {
        return source != null && destination != null && source.definition().equals(destination.definition())
                && source.sameRowsAs(destination);
    }

    /** One line for people: what differs, or that nothing does. */
    public String describe() {
        String name = database + "." + table;
        if (source == null) {
            return name + ": only on the destination";
        }
        if (destination == null) {
            return name + ": missing on the destination";
        }
        StringBuilder s = new StringBuilder(name).append(": ");
        if (matches()) {
            return s.append("identical (").append(source.rows()).append(" rows)").toString();
        }
        if (!source.definition().equals(destination.definition())) {
            s.append("definitions differ; ");
        }
        if (source.rows() != destination.rows()) {
            s.append("rows ").append(source.rows()).append(" vs ").append(destination.rows()).append("; ");
        } else if (!source.sameRowsAs(destination)) {
            s.append("same row count (").append(source.rows()).append(") but different contents; ");
        }
        return s.substring(0, s.length() - 2);
    }
}
