package io.mysqlmigrate.sink.event;

/**
 * A record with a value that is not a change event the sink understands (not a row change, schema change or
 * transaction boundary). It can never apply: the applier turns it into a never-applicable record (dead-letter queue or
 * task failure), never into an applied one.
 */
public record Unrecognised(long offset, String why) implements ChangeEvent {
}
