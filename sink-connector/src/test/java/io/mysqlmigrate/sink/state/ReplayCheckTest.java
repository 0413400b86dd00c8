package io.mysqlmigrate.sink.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayCheckTest {

    private static final TopicPartition TP = new TopicPartition("m.shop", 0);
    private static final ReplayCheck.JournalSummary RENAME_AT_40 =
            new ReplayCheck.JournalSummary(3, 40, "RENAME TABLE `t`\n  TO `t2`");

    private static Optional<String> check(PartitionProgress stored, ReplayCheck.JournalSummary journal) {
        return ReplayCheck.refusal("mysql_migrate", "m-sink", TP, stored, journal);
    }

    @Test
    void aFreshDestinationStartsFromTheTopic() {
        assertEquals(Optional.empty(), check(null, ReplayCheck.JournalSummary.EMPTY));
    }

    @Test
    void offsetsPastTheJournalResume() {
        assertEquals(Optional.empty(), check(new PartitionProgress(41, null), RENAME_AT_40));
        assertEquals(Optional.empty(), check(new PartitionProgress(500, null), RENAME_AT_40));
    }

    @Test
    void offsetsWithoutJournalResume() {
        assertEquals(Optional.empty(), check(new PartitionProgress(0, null, 900), ReplayCheck.JournalSummary.EMPTY));
    }

    @Test
    void aReplayMovedBackByTheOffsetsApiCoversTheJournalAndStarts() {
        // DELETE /offsets: next offset 0, replay_until where the sink had got: the journaled rename replays without effect
        assertEquals(Optional.empty(), check(new PartitionProgress(0, null, 41), RENAME_AT_40));
        assertEquals(Optional.empty(), check(new PartitionProgress(10, null, 300), RENAME_AT_40));
    }

    @Test
    void offsetsRemovedByHandWhileTheJournalIsKeptAreRefusedNamingStateTopicOffsetsAndFix() {
        String message = check(null, RENAME_AT_40).orElseThrow();
        assertTrue(message.contains("topic 'm.shop' partition 0"), message);
        assertTrue(message.contains("connector 'm-sink'"), message);
        assertTrue(message.contains("mysql_migrate.sink_offsets holds no offsets"), message);
        assertTrue(message.contains("mysql_migrate.applied_ddl holds 3 statement(s)"), message);
        assertTrue(message.contains("the last at offset 40 (RENAME TABLE `t` TO `t2`)"), message);
        assertTrue(message.contains("DELETE FROM mysql_migrate.applied_ddl WHERE connector = 'm-sink' AND topic = 'm.shop' "
                + "AND kafka_partition = 0"), message);
        assertTrue(message.contains("DELETE /connectors/m-sink/offsets"), message);
        assertTrue(message.contains("restore the destination databases together with"), message);
    }

    @Test
    void offsetsBehindTheJournalWithoutReplayAreRefused() {
        String message = check(new PartitionProgress(40, null), RENAME_AT_40).orElseThrow();
        assertTrue(message.contains("the next offset to apply is 40, but"), message);
        assertTrue(message.contains("not applied yet"), message);
        String replaying = check(new PartitionProgress(0, null, 40), RENAME_AT_40).orElseThrow();
        assertTrue(replaying.contains("(replay without effect up to 40)"), replaying);
    }

    @Test
    void quotesInNamesAreDoubledInTheFixStatements() {
        assertEquals("'DELETE FROM st.applied_ddl WHERE connector = 'o''k' AND topic = 'a' AND kafka_partition = 2; "
                        + "DELETE FROM st.sink_offsets WHERE connector = 'o''k' AND topic = 'a' AND kafka_partition = 2;'",
                ReplayCheck.fixStatements("st", "o'k", new TopicPartition("a", 2)));
    }

    @Test
    void theFirstRecordAtTheRequestedOffsetOrBeforeItStarts() {
        assertEquals(Optional.empty(), ReplayCheck.gapRefusal("mysql_migrate", "m-sink", TP, 0, -1, 0));
        assertEquals(Optional.empty(), ReplayCheck.gapRefusal("mysql_migrate", "m-sink", TP, 120, -1, 120));
        assertEquals(Optional.empty(), ReplayCheck.gapRefusal("mysql_migrate", "m-sink", TP, 120, -1, 80));
    }

    @Test
    void oneMissingOffsetIsATransactionMarker() {
        assertEquals(Optional.empty(), ReplayCheck.gapRefusal("mysql_migrate", "m-sink", TP, 120, -1, 121));
        assertTrue(ReplayCheck.isMarkerGap(120, -1, 121));
        assertTrue(!ReplayCheck.isMarkerGap(120, -1, 120));
        assertTrue(!ReplayCheck.isMarkerGap(0, 500, 1), "inside a replay nothing is missing");
    }

    @Test
    void recordsDeletedBelowAReplayedRangeLoseNothing() {
        // moved back to 0 after reaching 900; retention deleted up to 600: those were applied before
        assertEquals(Optional.empty(), ReplayCheck.gapRefusal("mysql_migrate", "m-sink", TP, 0, 900, 600));
        assertEquals(Optional.empty(), ReplayCheck.gapRefusal("mysql_migrate", "m-sink", TP, 0, 900, 900));
    }

    @Test
    void recordsDeletedByRetentionAreRefusedNamingTheOffsetsAndTheFix() {
        String fresh = ReplayCheck.gapRefusal("mysql_migrate", "m-sink", TP, 0, -1, 350).orElseThrow();
        assertTrue(fresh.contains("Refusing to apply topic 'm.shop' partition 0 for connector 'm-sink'"), fresh);
        assertTrue(fresh.contains("start at offset 0 (no progress stored in mysql_migrate.sink_offsets"), fresh);
        assertTrue(fresh.contains("first one Kafka delivered is at offset 350"), fresh);
        assertTrue(fresh.contains("leave out offsets 0 to 349"), fresh);
        assertTrue(fresh.contains("stored offset for this partition is 350 or later"), fresh);
        String behind = ReplayCheck.gapRefusal("mysql_migrate", "m-sink", TP, 100, 200, 350).orElseThrow();
        assertTrue(behind.contains("start at offset 100 (mysql_migrate.sink_offsets)"), behind);
        assertTrue(behind.contains("leave out offsets 200 to 349"), behind); // below 200 was applied before the move back
    }
}
