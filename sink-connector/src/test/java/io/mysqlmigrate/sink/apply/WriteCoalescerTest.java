package io.mysqlmigrate.sink.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.sink.conflict.UniqueClash;
import io.mysqlmigrate.sink.conflict.WriteMode;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.event.SourcePosition;
import io.mysqlmigrate.sink.table.DestinationTable;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class WriteCoalescerTest {

    private static final Schema KEY = SchemaBuilder.struct().field("id", Schema.BYTES_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().optional().field("id", Schema.BYTES_SCHEMA)
            .field("v", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final RowIdentity PK = new RowIdentity(RowIdentity.Kind.PRIMARY_KEY, List.of("id"));

    private static Planned write(String table, WriteMode mode, UniqueClash clash, int id, String v) {
        Struct key = new Struct(KEY).put("id", new byte[] {(byte) id}); // byte keys: equal by content, not identity
        Struct row = new Struct(ROW).put("id", new byte[] {(byte) id}).put("v", v);
        boolean delete = mode == WriteMode.DELETE_BY_KEY;
        RowChange change = new RowChange(0, "db", table, delete ? RowChange.Operation.DELETE : RowChange.Operation.UPDATE, key,
                delete ? row : null, delete ? null : row, SourcePosition.UNKNOWN);
        DestinationTable t = new DestinationTable("db", table, List.of("id", "v"), Set.of(), Set.of("v"), List.of("id"), List.of());
        return new Planned(change, t, PK, mode, clash, key);
    }

    private static Planned upsert(String table, int id, String v) {
        return write(table, WriteMode.UPSERT, UniqueClash.DELETE_OTHER, id, v);
    }

    private static Planned delete(String table, int id) {
        return write(table, WriteMode.DELETE_BY_KEY, UniqueClash.NONE, id, null);
    }

    private static List<String> describe(List<Planned> plan) {
        return plan.stream().map(p -> p.change().table() + " " + p.mode() + " " + ((byte[]) p.keyValues().get("id"))[0]
                + (p.change().after() != null ? "=" + p.change().after().get("v") : "")).toList();
    }

    @Test
    void eachRowKeepsItsLastChangeDeletesFirstThenUpsertsByTable() {
        List<Planned> plan = List.of(
                upsert("a", 1, "u1"), upsert("a", 1, "u2"), delete("a", 1), upsert("a", 1, "new1"),
                upsert("b", 1, "b1"), delete("a", 2), upsert("b", 2, "b2"), upsert("a", 3, "x"), delete("b", 1));
        assertEquals(List.of("a DELETE_BY_KEY 2", "b DELETE_BY_KEY 1", "a UPSERT 1=new1", "a UPSERT 3=x", "b UPSERT 2=b2"),
                describe(WriteCoalescer.coalesce(plan)));
    }

    @Test
    void writesThatMustSeeEveryChangeStayInPlaceAndSplitTheRuns() {
        Planned strictInsert = write("a", WriteMode.INSERT, UniqueClash.NONE, 2, "strict");
        Planned failingUpsert = write("a", WriteMode.UPSERT, UniqueClash.FAIL, 3, "f");
        List<Planned> plan = List.of(upsert("a", 1, "x"), strictInsert, upsert("a", 1, "y"), failingUpsert, upsert("a", 1, "z"));
        assertEquals(List.of("a UPSERT 1=x", "a INSERT 2=strict", "a UPSERT 1=y", "a UPSERT 3=f", "a UPSERT 1=z"),
                describe(WriteCoalescer.coalesce(plan)));
    }

    @Test
    void writesThatRunForeignKeyActionsStayInPlaceAndSplitTheRuns() {
        Planned cascadingDelete = write("parent", WriteMode.DELETE_WITH_FOREIGN_KEYS, UniqueClash.NONE, 1, null);
        Planned keyUpdate = write("parent", WriteMode.UPDATE_KEY_WITH_FOREIGN_KEYS, UniqueClash.NONE, 2, "k");
        List<Planned> plan = List.of(upsert("child", 7, "of1"), delete("child", 8), cascadingDelete, upsert("child", 7, "again"),
                keyUpdate, delete("child", 7));
        assertEquals(List.of("child DELETE_BY_KEY 8", "child UPSERT 7=of1", "parent DELETE_WITH_FOREIGN_KEYS 1=null",
                        "child UPSERT 7=again", "parent UPDATE_KEY_WITH_FOREIGN_KEYS 2=k", "child DELETE_BY_KEY 7"),
                describe(WriteCoalescer.coalesce(plan)));
    }
}
