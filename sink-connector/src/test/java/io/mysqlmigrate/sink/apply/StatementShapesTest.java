package io.mysqlmigrate.sink.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementShapesTest {

    private static List<Integer> split(int rows, int cap) {
        List<Integer> parts = new ArrayList<>();
        for (int left = rows; left > 0; ) {
            int n = StatementShapes.rows(left, cap);
            parts.add(n);
            left -= n;
        }
        return parts;
    }

    @Test
    void aRunIsWrittenAsTheCapThenPowersOfTwo() {
        assertEquals(List.of(32, 4, 1), split(37, 1000));
        assertEquals(List.of(1000, 1000, 512, 64, 16, 8), split(2600, 1000));
        assertEquals(List.of(1000, 1000), split(2000, 1000));
        assertEquals(List.of(1), split(1, 1000));
        assertEquals(List.of(7, 7, 4, 2), split(20, 7));
    }

    @Test
    void everyCountUpToTheCapUsesFewShapes() {
        Set<Integer> shapes = new HashSet<>();
        for (int rows = 1; rows <= 5000; rows++) {
            shapes.addAll(split(rows, 1000));
        }
        assertEquals(Set.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000), shapes);
    }

    @Test
    void refusesNothingToWrite() {
        assertThrows(IllegalArgumentException.class, () -> StatementShapes.rows(0, 10));
        assertThrows(IllegalArgumentException.class, () -> StatementShapes.rows(5, 0));
    }
}
