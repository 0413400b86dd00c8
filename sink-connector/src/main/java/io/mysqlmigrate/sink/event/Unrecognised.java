package io.mysqlmigrate.sink.event;

/** A record that carries nothing to apply (a tombstone, a heartbeat). Its offset still counts as applied. */
public record Unrecognised(long offset, String why) implements ChangeEvent {
}
