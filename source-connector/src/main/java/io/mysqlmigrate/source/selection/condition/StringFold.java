package io.mysqlmigrate.source.selection.condition;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a column's collation compares text, reduced to what a row filter needs: which differences count (case,
 * accents) and whether trailing spaces do. An approximation of the server's collations that agrees with them on the
 * cases filters are written for: equality, ranges and LIKE over letters, digits and common punctuation.
 */
public record StringFold(Sensitivity sensitivity, boolean padSpace) {

    public enum Sensitivity {
        /** _bin and _cs collations, and binary strings: every code point counts. */
        EXACT,
        /** _as_ci collations: accents count, case does not. */
        CASE_INSENSITIVE,
        /** the other _ci collations (general_ci, unicode_ci, 0900_ai_ci, ...): neither accents nor case count. */
        ACCENT_AND_CASE_INSENSITIVE
    }

    /** Literals carry no collation: they take the column's, as the server's coercibility rules give it. */
    public static final StringFold LITERAL = new StringFold(Sensitivity.EXACT, true);

    public static StringFold ofCollation(String collation) {
        if (collation == null || collation.isEmpty()) {
            return new StringFold(Sensitivity.EXACT, false);
        }
        String c = collation.toLowerCase(Locale.ROOT);
        boolean padSpace = !c.contains("_0900_") && !c.contains("nopad") && !c.equals("binary");
        Sensitivity s;
        if (c.endsWith("_bin") || c.endsWith("_cs") || c.contains("_as_cs") || c.equals("binary")) {
            s = Sensitivity.EXACT;
        } else if (c.contains("_as_ci")) {
            s = Sensitivity.CASE_INSENSITIVE;
        } else {
            s = Sensitivity.ACCENT_AND_CASE_INSENSITIVE;
        }
        return new StringFold(s, padSpace);
    }

    /** The text as this collation compares it (trailing spaces kept: LIKE counts them, comparisons strip them). */
    public String fold(String text) {
        return switch (sensitivity) {
            case EXACT -> text;
            case CASE_INSENSITIVE -> text.toUpperCase(Locale.ROOT);
            case ACCENT_AND_CASE_INSENSITIVE -> Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toUpperCase(Locale.ROOT);
        };
    }

    public int compare(String a, String b) {
        String x = fold(a);
        String y = fold(b);
        if (padSpace) {
            x = x.stripTrailing();
            y = y.stripTrailing();
        }
        return x.compareTo(y);
    }
}
