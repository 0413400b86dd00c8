package io.mysqlmigrate.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nearest collation a destination has for a source collation it lacks: the flavours name their Unicode collations
 * differently (MySQL 8+: {@code utf8mb4_0900_ai_ci}, UCA 9.0, NO PAD; MariaDB 10.10+: {@code utf8mb4_uca1400_ai_ci},
 * UCA 14.0; MariaDB before 10.10 has UCA 5.2 at best, {@code utf8mb4_unicode_520_ci}, with NO PAD variants). The choice
 * keeps, in this order, the pad attribute (it decides whether {@code 'a'} and {@code 'a '} collide in a unique key),
 * accent and case sensitivity, then the newest UCA version the destination has. What still differs is sort order
 * between UCA versions, which {@link #note(String, String)} says.
 */
public final class CollationSubstitutes {

    private static final Pattern MYSQL_UCA = Pattern.compile("([a-z0-9]+)_(?:([a-z_]+?)_)?0900_(ai_ci|as_ci|as_cs|bin)");
    private static final Pattern MARIADB_UCA14 = Pattern.compile("([a-z0-9]+)_uca1400_(?:([a-z_]+?)_)?(nopad_)?(ai_ci|ai_cs|as_ci|as_cs)");
    private static final Pattern MARIADB_NOPAD = Pattern.compile("([a-z0-9]+)_(unicode_520_|unicode_|general_)?nopad_(ci|bin)");

    private CollationSubstitutes() {
    }

    /** The nearest of {@code available} for {@code source}, or empty when none is near enough to propose. */
    public static Optional<String> nearest(String source, Set<String> available) {
        String lower = source.toLowerCase(Locale.ROOT);
        Set<String> known = new java.util.HashSet<>();
        available.forEach(c -> known.add(c.toLowerCase(Locale.ROOT)));
        if (known.contains(lower)) {
            return Optional.of(lower);
        }
        return candidates(lower).stream().filter(known::contains).findFirst();
    }

    /**
     * Collations of {@code available} that tell more apart than {@code collation} and keep its pad attribute: its
     * accent-sensitive and case-sensitive variants, then its character set's binary collation. Stricter never makes two
     * values equal that {@code collation} keeps apart, so these are the alternatives to try when values collide under it.
     * In order, without {@code collation} itself.
     */
    public static List<String> stricter(String collation, Set<String> available) {
        String lower = collation.toLowerCase(Locale.ROOT);
        Set<String> known = new java.util.HashSet<>();
        available.forEach(c -> known.add(c.toLowerCase(Locale.ROOT)));
        List<String> out = new ArrayList<>();
        String charset = lower.substring(0, Math.max(lower.indexOf('_'), 0));
        if (lower.endsWith("_ai_ci")) {
            String stem = lower.substring(0, lower.length() - "ai_ci".length());
            out.add(stem + "as_ci");
            out.add(stem + "as_cs");
        } else if (lower.endsWith("_as_ci")) {
            out.add(lower.substring(0, lower.length() - "as_ci".length()) + "as_cs");
        }
        if (!lower.endsWith("_bin")) {
            out.add(noPad(lower) ? charset + "_nopad_bin" : charset + "_bin");
            if (noPad(lower)) {
                out.add(charset + "_0900_bin");
            }
        }
        return out.stream().filter(known::contains).filter(c -> !c.equals(lower)).distinct().toList();
    }

    /** What the substitute changes, in one sentence, for the precheck and docs/TYPES.md. */
    public static String note(String source, String substitute) {
        boolean sourceNoPad = noPad(source);
        boolean substituteNoPad = noPad(substitute);
        String pad = sourceNoPad == substituteNoPad ? "same pad attribute (" + (sourceNoPad ? "NO PAD" : "PAD SPACE") + ")"
                : "pad attribute changes from " + (sourceNoPad ? "NO PAD to PAD SPACE" : "PAD SPACE to NO PAD")
                        + ": values differing only in trailing spaces " + (sourceNoPad ? "collide" : "no longer collide")
                        + " in unique keys";
        return pad + "; sort order follows " + uca(substitute) + " instead of " + uca(source);
    }

    static List<String> candidates(String source) {
        List<String> out = new ArrayList<>();
        Matcher mysql = MYSQL_UCA.matcher(source);
        if (mysql.matches()) {
            String cs = mysql.group(1);
            String lang = mysql.group(2) == null ? "" : mysql.group(2) + "_";
            String strength = mysql.group(3);
            if (strength.equals("bin")) {
                out.add(cs + "_nopad_bin");
                out.add(cs + "_bin");
                return out;
            }
            out.add(cs + "_uca1400_" + lang + "nopad_" + strength);
            out.add(cs + "_uca1400_nopad_" + strength);
            if (strength.equals("as_cs")) {
                out.add(cs + "_nopad_bin");
                out.add(cs + "_bin");
                return out;
            }
            if (!lang.isEmpty()) {
                out.add(cs + "_" + lang + "520_ci");
                out.add(cs + "_" + lang + "ci");
            }
            out.add(cs + "_unicode_520_nopad_ci");
            out.add(cs + "_unicode_nopad_ci");
            out.add(cs + "_unicode_520_ci");
            out.add(cs + "_unicode_ci");
            return out;
        }
        Matcher uca14 = MARIADB_UCA14.matcher(source);
        if (uca14.matches()) {
            String cs = uca14.group(1);
            String lang = uca14.group(2) == null ? "" : uca14.group(2) + "_";
            String strength = uca14.group(4);
            out.add(cs + "_" + lang + "0900_" + strength);
            out.add(cs + "_0900_" + strength);
            out.add(cs + "_unicode_520_ci");
            return out;
        }
        Matcher nopad = MARIADB_NOPAD.matcher(source);
        if (nopad.matches()) {
            String cs = nopad.group(1);
            String family = nopad.group(2) == null ? "" : nopad.group(2);
            if (nopad.group(3).equals("bin")) {
                out.add(cs + "_0900_bin");
                out.add(cs + "_bin");
            } else {
                out.add(cs + "_0900_ai_ci");
                out.add(cs + "_" + family + "ci");
            }
        }
        return out;
    }

    private static boolean noPad(String collation) {
        return collation.contains("_0900_") || collation.contains("nopad");
    }

    private static String uca(String collation) {
        if (collation.contains("_0900_")) {
            return "UCA 9.0.0";
        }
        if (collation.contains("uca1400")) {
            return "UCA 14.0.0";
        }
        if (collation.contains("_520_")) {
            return "UCA 5.2.0";
        }
        if (collation.contains("unicode")) {
            return "UCA 4.0.0";
        }
        if (collation.endsWith("_bin")) {
            return "code point order";
        }
        return "the " + collation + " weights";
    }
}
