package io.mysqlmigrate.sink.event;

/** BEGIN or END of a source transaction within this database's topic. */
public record TransactionBoundary(long offset, String id, boolean begin) implements ChangeEvent {
}
