package io.mysqlmigrate.precheck.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows that differ, by key: missing (only on the source), extra (only on the destination), different (on both, other
 * contents). Keeps the hashes it saw, so a re-check can tell a difference that stays from one that moves.
 */
public final class RowDiff {

    private final Map<RowKey, String[]> rows = new LinkedHashMap<>();

    /** Adds the differences between one side's rows and the other's (both for the same keys or range). */
    public void addFrom(Map<RowKey, String> source, Map<RowKey, String> destination) {
        for (Map.Entry<RowKey, String> e : source.entrySet()) {
            String other = destination.get(e.getKey());
            if (!e.getValue().equals(other)) {
                rows.put(e.getKey(), new String[] {e.getValue(), other});
            }
        }
        for (Map.Entry<RowKey, String> e : destination.entrySet()) {
            if (!source.containsKey(e.getKey())) {
                rows.put(e.getKey(), new String[] {null, e.getValue()});
            }
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int size() {
        return rows.size();
    }

    public List<RowKey> keys() {
        return new ArrayList<>(rows.keySet());
    }

    public List<RowKey> missing() {
        return select(true, false);
    }

    public List<RowKey> extra() {
        return select(false, true);
    }

    public List<RowKey> different() {
        return select(true, true);
    }

    /** Whether another observation found exactly these differences with exactly these hashes. */
    public boolean sameAs(RowDiff other) {
        if (rows.size() != other.rows.size()) {
            return false;
        }
        for (Map.Entry<RowKey, String[]> e : rows.entrySet()) {
            String[] o = other.rows.get(e.getKey());
            if (o == null || !java.util.Arrays.equals(o, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private List<RowKey> select(boolean onSource, boolean onDestination) {
        List<RowKey> out = new ArrayList<>();
        rows.forEach((k, h) -> {
            if ((h[0] != null) == onSource && (h[1] != null) == onDestination) {
                out.add(k);
            }
        });
        return out;
    }
}
