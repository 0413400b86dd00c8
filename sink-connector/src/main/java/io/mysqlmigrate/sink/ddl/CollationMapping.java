package io.mysqlmigrate.sink.ddl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which collation and character set the destination uses in place of a source one it lacks ({@code collation.mapping},
 * {@code charset.mapping}): MySQL 8+'s {@code utf8mb4_0900_ai_ci} on MariaDB 10.x, say. Rules are
 * {@code source:destination} pairs, comma-separated, matched without regard to case as the servers match these names.
 * A mapped collation replaces the source's wherever the sink writes it: databases, tables, columns, routines' and
 * views' session context.
 */
public final class CollationMapping {

    public static final CollationMapping NONE = new CollationMapping(Map.of(), Map.of());

    private final Map<String, String> collations;
    private final Map<String, String> charsets;

    private CollationMapping(Map<String, String> collations, Map<String, String> charsets) {
        this.collations = collations;
        this.charsets = charsets;
    }

    /** Parses both settings; a malformed rule is an IllegalArgumentException naming it and the form expected. */
    public static CollationMapping of(String collationRules, String charsetRules) {
        return new CollationMapping(parse("collation.mapping", collationRules), parse("charset.mapping", charsetRules));
    }

    public static Map<String, String> parse(String setting, String rules) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rules == null || rules.isBlank()) {
            return Map.of();
        }
        for (String rule : rules.split(",")) {
            String trimmed = rule.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split(":", -1);
            if (parts.length != 2 || !parts[0].strip().matches("[A-Za-z0-9_]+") || !parts[1].strip().matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException(setting + ": '" + trimmed + "' is not source:destination (for example "
                        + "utf8mb4_0900_ai_ci:utf8mb4_uca1400_nopad_ai_ci)");
            }
            String from = parts[0].strip().toLowerCase(Locale.ROOT);
            if (out.put(from, parts[1].strip().toLowerCase(Locale.ROOT)) != null) {
                throw new IllegalArgumentException(setting + ": '" + from + "' is mapped twice");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public boolean isEmpty() {
        return collations.isEmpty() && charsets.isEmpty();
    }

    /** The destination's collation for a source collation (the same when not mapped). */
    public String collation(String source) {
        return source == null ? null : collations.getOrDefault(source.toLowerCase(Locale.ROOT), source);
    }

    /** The destination's character set for a source character set (the same when not mapped). */
    public String charset(String source) {
        return source == null ? null : charsets.getOrDefault(source.toLowerCase(Locale.ROOT), source);
    }

    public Map<String, String> collations() {
        return collations;
    }

    public Map<String, String> charsets() {
        return charsets;
    }

    /** Whether {@code text} may name a mapped collation or character set: a cheap test before parsing a statement. */
    boolean mayApply(String text) {
        if (isEmpty() || text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return collations.keySet().stream().anyMatch(lower::contains) || charsets.keySet().stream().anyMatch(lower::contains);
    }
}
