package io.mysqlmigrate.localrun;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the main job prints, captured to be read (also while it runs) and shown in the test output as it happens. */
final class Tee extends OutputStream {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream echo;

    Tee(PrintStream echo) {
        this.echo = echo;
    }

    @Override
    public synchronized void write(int b) {
        captured.write(b);
        echo.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        captured.write(b, off, len);
        echo.write(b, off, len);
    }

    synchronized String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
