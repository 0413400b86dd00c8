package io.mysqlmigrate.source.onlineddl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.source.selection.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenamePairsTest {

    @Test
    void aSwapGivesBothPairsQualifiedWithTheStatementsDatabase() {
        assertEquals(List.of(new RenamePairs.Pair(new TableName("shop", "t"), new TableName("shop", "_t_del")),
                        new RenamePairs.Pair(new TableName("shop", "_t_gho"), new TableName("shop", "t"))),
                RenamePairs.of("RENAME TABLE `t` TO `_t_del`, `_t_gho` TO `t`", "shop"));
        assertEquals(List.of(new RenamePairs.Pair(new TableName("a", "x y"), new TableName("b", "z"))),
                RenamePairs.of("rename tables `a`.`x y` to b . z", "shop"));
    }

    @Test
    void otherStatementsGiveNoPairs() {
        assertEquals(List.of(), RenamePairs.of("ALTER TABLE t RENAME TO u", "shop"));
        assertEquals(List.of(), RenamePairs.of("RENAME TABLE t TO u garbage", "shop"));
        assertEquals(List.of(), RenamePairs.of(null, "shop"));
    }
}
