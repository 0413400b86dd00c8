package io.mysqlmigrate.source.objects;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the server's own CREATE statements (SHOW CREATE output, whose head has a fixed form) so the object runs
 * with the destination account's rights: DEFINER is dropped, so the account that creates it becomes its definer, and
 * views and routines get SQL SECURITY INVOKER.
 */
public final class DefinerRewriter {

    /** A user or host name: quoted with backticks, single quotes or (an object defined under ANSI_QUOTES) double quotes. */
    private static final String USER = "(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[^\\s@]+)";
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

    /** The session variable the sink sets on its connections; a guarded trigger does nothing when it is set. */
    public static final String SINK_SESSION_MARK = io.mysqlmigrate.dialect.SinkSession.MARK;

    private static final Pattern TRIGGER_BODY = Pattern.compile(
            "FOR\\s+EACH\\s+ROW\\s+(?:(?:FOLLOWS|PRECEDES)\\s+(?:`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|[\\w$]+)\\s+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_STATUS = Pattern.compile(
            "\\s(ENABLE|DISABLE\\s+ON\\s+(?:SLAVE|REPLICA)|DISABLE)\\s+(?:COMMENT\\s+'(?:[^']|'')*'\\s+)?DO\\s", Pattern.CASE_INSENSITIVE);

    /**
     * A trigger that does nothing for the sink's own writes: its body runs only when the session has not set
     * {@link #SINK_SESSION_MARK}, so rows the source's trigger already wrote (which arrive through the binary log) are
     * not written a second time, while the application's writes on the destination fire it as before.
     */
    public static String guardedTrigger(String showCreateTrigger) {
        String s = withoutDefiner(showCreateTrigger);
        Matcher m = TRIGGER_BODY.matcher(s);
        if (!m.find()) {
            throw new IllegalArgumentException("Not a CREATE TRIGGER statement: " + head(showCreateTrigger));
        }
        String body = s.substring(m.end()).strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        return s.substring(0, m.end()) + "BEGIN IF " + SINK_SESSION_MARK + " IS NULL THEN " + body + "; END IF; END";
    }

    /** An event created disabled (the cut-over enables it), whatever its status on the source. */
    public static String disabledEvent(String showCreateEvent) {
        String s = withoutDefiner(showCreateEvent);
        Matcher m = EVENT_STATUS.matcher(s);
        if (m.find()) {
            return s.substring(0, m.start(1)) + "DISABLE" + s.substring(m.end(1));
        }
        Matcher doAt = Pattern.compile("\\sDO\\s", Pattern.CASE_INSENSITIVE).matcher(s);
        if (!doAt.find()) {
            throw new IllegalArgumentException("Not a CREATE EVENT statement: " + head(showCreateEvent));
        }
        return s.substring(0, doAt.start()) + " DISABLE" + s.substring(doAt.start());
    }

    private static String head(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
