package io.mysqlmigrate.sink.state;

import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides, when the sink starts a partition, whether it can converge from the state the destination holds, so a replay
 * it cannot finish is refused up front, naming why, instead of stalling half-way.
 *
 * <p>The offsets ({@code sink_offsets}) and the DDL journal ({@code applied_ddl}) commit in one transaction, so every
 * journaled statement lies below the partition's next offset, or below {@code replay_until} after an operator moved
 * the sink back through Connect's offsets API. A journal entry at or beyond both means the two tables no longer agree
 * (offsets deleted or lowered by hand, or restored from another point than the journal): the sink would skip that
 * statement as applied while re-applying the rows before it, which then meet the structure after it (a renamed table
 * that "does not exist"), and retry until its window closes.
 */
public final class ReplayCheck {

    /** What the journal holds for one partition: how many statements, the highest offset and the statement there. */
    public record JournalSummary(long statements, long highestOffset, String lastStatement) {
        public static final JournalSummary EMPTY = new JournalSummary(0, -1, null);
    }

    private ReplayCheck() {
    }

    /**
     * Why the sink cannot start this partition from the stored state, or empty when it can.
     *
     * @param stored the partition's stored progress, or null when {@code sink_offsets} holds none
     */
    public static Optional<String> refusal(String stateDatabase, String connector, TopicPartition tp, PartitionProgress stored,
                                           JournalSummary journal) {
        if (journal.statements() == 0) {
            return Optional.empty();
        }
        String where = "topic '" + tp.topic() + "' partition " + tp.partition();
        String journalText = "the DDL journal " + stateDatabase + ".applied_ddl holds " + journal.statements()
                + " statement(s) of connector '" + connector + "' on " + where + ", the last at offset " + journal.highestOffset()
                + " (" + oneLine(journal.lastStatement()) + ")";
        String fix = " Fix, either: (1) restore the destination databases together with " + stateDatabase + ".sink_offsets and "
                + stateDatabase + ".applied_ddl from one backup, and resume (the sink re-applies what follows the backup); or "
                + "(2) replay from the start: stop the sink, DROP the destination databases this topic feeds, run "
                + fixStatements(stateDatabase, connector, tp) + " on the destination, reset Connect's offsets (DELETE "
                + "/connectors/" + connector + "/offsets), and resume: the sink re-creates the tables from the DDL in the topic "
                + "(the topic must still hold its records from offset 0). To replay from an "
                + "earlier offset without effect, move the offsets with Connect's offsets API (PATCH or DELETE "
                + "/connectors/" + connector + "/offsets on the stopped sink), never by editing " + stateDatabase
                + ".sink_offsets by hand.";
        if (stored == null) {
            return Optional.of("Refusing to start " + where + " for connector '" + connector + "': " + stateDatabase
                    + ".sink_offsets holds no offsets for it, but " + journalText + ". The offsets were removed while the "
                    + "journal was kept: the sink would skip those statements as applied and re-apply the rows before them "
                    + "to tables they changed (a renamed or dropped table does not exist), and stall." + fix);
        }
        long coveredUpTo = Math.max(stored.nextOffset(), stored.replayUntil());
        if (journal.highestOffset() >= coveredUpTo) {
            return Optional.of("Refusing to start " + where + " for connector '" + connector + "': " + stateDatabase
                    + ".sink_offsets says the next offset to apply is " + stored.nextOffset()
                    + (stored.replayUntil() >= 0 ? " (replay without effect up to " + stored.replayUntil() + ")" : "")
                    + ", but " + journalText + ", which the offsets say is not applied yet. The offsets and the journal "
                    + "disagree (changed by hand, or restored from different points): the sink would skip that statement as "
                    + "applied and re-apply the rows before it to the structure after it, and stall." + fix);
        }
        return Optional.empty();
    }

    /**
     * Why the first record Kafka delivered for a partition since it was started cannot be applied, or empty when it can.
     * The sink seeks to its stored next offset (0 when it has none); when that offset is below the partition's log-start
     * offset (retention deleted the records), the consumer resets to the log start, and the records in between are
     * gone: applying from there would leave the destination without them. One missing offset is allowed: a worker
     * with exactly-once source support ends each transaction with a marker that takes an offset and is never delivered
     * ({@link #isMarkerGap}).
     *
     * @param expected the offset the sink asked for: the stored next offset, 0 without stored progress
     * @param replayUntil records below it were applied before (-1: no replay); a gap below it loses nothing
     */
    public static Optional<String> gapRefusal(String stateDatabase, String connector, TopicPartition tp, long expected,
                                              long replayUntil, long firstDelivered) {
        if (firstDelivered <= expected + 1 || firstDelivered <= replayUntil) {
            return Optional.empty();
        }
        return Optional.of("Refusing to apply topic '" + tp.topic() + "' partition " + tp.partition() + " for connector '"
                + connector + "': the sink is to start at offset " + expected + (expected == 0 ? " (no progress stored in "
                + stateDatabase + ".sink_offsets: the destination has nothing of this topic yet)"
                : " (" + stateDatabase + ".sink_offsets)") + ", but the topic no longer holds the records from there: the "
                + "first one Kafka delivered is at offset " + firstDelivered + " (retention deleted the records before the "
                + "partition's log-start offset). Applying from there would leave out offsets " + Math.max(expected, replayUntil) + " to "
                + (firstDelivered - 1) + ". Fix, either: (1) restore the destination databases with " + stateDatabase
                + ".sink_offsets and " + stateDatabase + ".applied_ddl from a backup whose stored offset for this partition is "
                + firstDelivered + " or later, and resume; or (2) migrate again: a new source and sink (new names, so new "
                + "topics and a new snapshot) into empty destination databases. Keep the topics' retention longer than the "
                + "time a replay or a restore may need (the precheck's topic retention check).");
    }

    /** Whether the first delivered record is one offset past the expected one: a transaction marker, allowed. */
    public static boolean isMarkerGap(long expected, long replayUntil, long firstDelivered) {
        return firstDelivered == expected + 1 && firstDelivered > replayUntil;
    }

    /** The statements that remove this connector's state for one partition. */
    static String fixStatements(String stateDatabase, String connector, TopicPartition tp) {
        String where = " WHERE connector = '" + connector.replace("'", "''") + "' AND topic = '" + tp.topic().replace("'", "''")
                + "' AND kafka_partition = " + tp.partition();
        return "'DELETE FROM " + stateDatabase + ".applied_ddl" + where + "; DELETE FROM " + stateDatabase + ".sink_offsets"
                + where + ";'";
    }

    private static String oneLine(String statement) {
        if (statement == null) {
            return "statement unknown";
        }
        String s = statement.replaceAll("\\s+", " ").trim();
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
