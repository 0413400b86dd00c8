package io.mysqlmigrate.source.objects;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the server's own CREATE statements (SHOW CREATE output, whose head has a fixed form) so the object runs
 * with the destination account's rights: DEFINER is dropped, so the account that creates it becomes its definer, and
 * views and routines get SQL SECURITY INVOKER.
 */
public final class DefinerRewriter {

    private static final String USER = "(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^\\s@]+)";
    private static final String DEFINER = "DEFINER\\s*=\\s*" + USER + "(?:\\s*@\\s*" + USER + ")?\\s+";
    private static final Pattern VIEW_HEAD = Pattern.compile("^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(ALGORITHM\\s*=\\s*\\w+\\s+)?(?:"
            + DEFINER + ")?(?:SQL\\s+SECURITY\\s+\\w+\\s+)?VIEW\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_DEFINER = Pattern.compile("^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?" + DEFINER,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECURITY = Pattern.compile("SQL\\s+SECURITY\\s+(DEFINER|INVOKER)", Pattern.CASE_INSENSITIVE);

    private DefinerRewriter() {
    }

    /** {@code CREATE OR REPLACE [ALGORITHM=x] SQL SECURITY INVOKER VIEW ...} */
    public static String view(String showCreateView) {
        Matcher m = VIEW_HEAD.matcher(showCreateView);
        if (!m.find()) {
            throw new IllegalArgumentException("Not a CREATE VIEW statement: " + head(showCreateView));
        }
        String algorithm = m.group(1) == null ? "" : m.group(1);
        return "CREATE OR REPLACE " + algorithm + "SQL SECURITY INVOKER VIEW " + showCreateView.substring(m.end());
    }

    /**
     * A procedure or function without DEFINER and with SQL SECURITY INVOKER. {@code body} is the routine's body as
     * information_schema.ROUTINES gives it: the characteristics sit between the header and the body, so a missing
     * SQL SECURITY is added just before it.
     */
    public static String routine(String showCreateRoutine, String body) {
        String s = withoutDefiner(showCreateRoutine);
        int bodyAt = body == null || body.isEmpty() ? -1 : s.lastIndexOf(body);
        if (bodyAt < 0) {
            throw new IllegalArgumentException("The routine's body was not found in its definition: " + head(showCreateRoutine));
        }
        String characteristics = s.substring(0, bodyAt);
        Matcher m = SECURITY.matcher(characteristics);
        if (m.find()) {
            return characteristics.substring(0, m.start()) + "SQL SECURITY INVOKER" + characteristics.substring(m.end())
                    + s.substring(bodyAt);
        }
        String separator = characteristics.endsWith("\n") || characteristics.endsWith(" ") ? "" : "\n";
        return characteristics + separator + "    SQL SECURITY INVOKER\n" + s.substring(bodyAt);
    }

    /** A trigger or event without DEFINER (they have no SQL SECURITY). */
    public static String withoutDefiner(String showCreate) {
        Matcher m = CREATE_DEFINER.matcher(showCreate);
        return m.find() ? "CREATE " + showCreate.substring(m.end()) : showCreate;
    }

    private static String head(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
