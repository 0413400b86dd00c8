package io.mysqlmigrate.localrun;

import java.nio.file.Path;
import java.util.Locale;

/** Numbers, durations and paths the way the console output shows them. */
final class Format {
    private Format() {
    }

    /** 17200 → "17,200". */
    static String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    /** Nanoseconds as seconds: two decimals below 10 s, one above. */
    static String seconds(long nanos) {
        double s = nanos / 1e9;
        return String.format(Locale.US, s < 10 ? "%.2f s" : "%.1f s", s);
    }

    static String secondsSince(long startNanos) {
        return seconds(System.nanoTime() - startNanos);
    }

    /** Rows per second, rounded. */
    static String rate(long rows, long nanos) {
        if (nanos <= 0) {
            return "0";
        }
        return count(Math.round(rows / (nanos / 1e9)));
    }

    /** {@code path} relative to {@code base} when it lies below it (".local-run/connect/connect.log"); base may be null. */
    static String path(Path base, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (base == null) {
            return absolute.toString();
        }
        Path root = base.toAbsolutePath().normalize();
        return absolute.startsWith(root) && !absolute.equals(root) ? root.relativize(absolute).toString()
                : absolute.toString();
    }

    /** Pads or cuts {@code text} to exactly {@code width} characters. */
    static String fit(String text, int width) {
        if (text.length() > width) {
            return width <= 1 ? text.substring(0, width) : text.substring(0, width - 1) + "…";
        }
        return text + " ".repeat(width - text.length());
    }
}
