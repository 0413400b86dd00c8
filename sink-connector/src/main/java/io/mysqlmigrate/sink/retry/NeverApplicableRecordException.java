package io.mysqlmigrate.sink.retry;

/**
 * One record of a partition that can never apply, whatever the destination does or how often it is tried: its shape is
 * not a change event the sink reads, one of its values cannot be converted, or the destination cannot hold one of its
 * values. It names the record by its Kafka offset within the partition being applied; the task adds the topic, the
 * partition, the database, the table and the source position it reads from the record itself, and then sends the
 * record to the dead-letter queue or fails (see {@code retry/FailureClassifier}).
 */
public class NeverApplicableRecordException extends ApplyException {

    private final long offset;
    private final String reason;

    public NeverApplicableRecordException(long offset, String reason, Throwable cause) {
        super(reason + " (Kafka offset " + offset + ")", cause);
        this.offset = offset;
        this.reason = reason;
    }

    private NeverApplicableRecordException(long offset, String reason, String message, Throwable cause) {
        super(message, cause);
        this.offset = offset;
        this.reason = reason;
    }

    /** The same failure, its message starting with where the record comes from ({@code event/RecordOrigin}). */
    public NeverApplicableRecordException from(String origin) {
        return new NeverApplicableRecordException(offset, reason, origin + ": " + reason, this);
    }

    /** The record's offset in the partition being applied. */
    public long offset() {
        return offset;
    }

    /** Why the record can never apply, without the record's coordinates. */
    public String reason() {
        return reason;
    }

    /** The first never-applicable record exception among {@code failure} and its causes, or null. */
    public static NeverApplicableRecordException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NeverApplicableRecordException found) {
                return found;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
