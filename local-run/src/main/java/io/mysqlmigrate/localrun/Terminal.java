package io.mysqlmigrate.localrun;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where the user reads what happens. On a terminal ({@code System.console() != null}) a progress area is redrawn
 * in place with plain ANSI cursor movements; otherwise (a pipe, a file, a test) each progress update is a line.
 */
final class Terminal {
    private static final String CLEAR_LINE = "\r\033[2K";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean ansi;
    private final boolean unicode;
    private final int columns;
    private int areaLines;
    private boolean cursorHidden;

    Terminal(PrintStream out, PrintStream err, boolean ansi, boolean unicode, int columns) {
        this.out = out;
        this.err = err;
        this.ansi = ansi;
        this.unicode = unicode;
        this.columns = columns;
    }

    /** The terminal of this process: ANSI when there is a console and TERM is not "dumb". */
    static Terminal system(PrintStream out, PrintStream err) {
        boolean console = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        Charset charset = console ? System.console().charset() : Charset.defaultCharset();
        boolean unicode = charset.equals(StandardCharsets.UTF_8);
        int columns = Integer.getInteger("mysqlmigrate.localrun.columns", 80);
        return new Terminal(out, err, console, unicode, columns > 0 ? columns : 80);
    }

    boolean ansi() {
        return ansi;
    }

    boolean unicode() {
        return unicode;
    }

    int columns() {
        return columns;
    }

    /** A check mark, or "OK" where the output is not UTF-8. */
    String ok() {
        return unicode ? "✓" : "OK";
    }

    String bad() {
        return unicode ? "✗" : "FAILED";
    }

    synchronized void println(String line) {
        endArea();
        out.println(line);
        out.flush();
    }

    synchronized void println() {
        println("");
    }

    /** Text without a line end, e.g. a change before its arrival time is appended. */
    synchronized void print(String text) {
        endArea();
        out.print(text);
        out.flush();
    }

    synchronized void error(String text) {
        endArea();
        out.flush();
        err.println(text);
        err.flush();
    }

    /** Draws {@code lines} over the previous area (ANSI only; otherwise nothing happens). */
    synchronized void area(List<String> lines) {
        if (!ansi) {
            return;
        }
        StringBuilder s = new StringBuilder();
        if (!cursorHidden) {
            s.append("\033[?25l");
            cursorHidden = true;
        }
        if (areaLines > 0) {
            s.append("\033[").append(areaLines).append('A');
        }
        for (String line : lines) {
            s.append(CLEAR_LINE).append(line).append('\n');
        }
        for (int i = lines.size(); i < areaLines; i++) {
            s.append(CLEAR_LINE).append('\n');
        }
        int extra = Math.max(0, areaLines - lines.size());
        if (extra > 0) {
            s.append("\033[").append(extra).append('A');
        }
        areaLines = lines.size();
        out.print(s);
        out.flush();
    }

    /** The area stays as last drawn and normal lines follow below it. */
    synchronized void endArea() {
        areaLines = 0;
        if (cursorHidden) {
            out.print("\033[?25h");
            out.flush();
            cursorHidden = false;
        }
    }
}
