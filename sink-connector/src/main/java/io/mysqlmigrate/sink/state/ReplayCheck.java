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
