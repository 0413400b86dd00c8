package io.mysqlmigrate.precheck.verify;

/** What one side holds in a key range: its row count and two order-independent checksums of its rows. */
public record ChunkSum(long rows, String sum, String xor) {
}
