package io.mysqlmigrate.precheck.verify;

/**
 * What one side of a table looks like, compactly: its definition (AUTO_INCREMENT counter removed), its row count,
 * and two order-independent checksums over every column of every row.
 */
public record TableFingerprint(String definition, long rows, String sumChecksum, String xorChecksum) {

    public boolean sameRowsAs(TableFingerprint other) {
        return rows == other.rows && sumChecksum.equals(other.sumChecksum) && xorChecksum.equals(other.xorChecksum);
    }
}
