package io.mysqlmigrate.sink.ddl;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The MySQL and MariaDB grammars spell keywords in upper case; SQL does not. This stream shows the lexer upper-case
 * characters while tokens keep the text as written, so identifiers come out unchanged.
 */
final class UpperCaseCharStream implements CharStream {
    private final CharStream text;

    UpperCaseCharStream(CharStream text) {
        this.text = text;
    }

    @Override
    public int LA(int i) {
        int c = text.LA(i);
        return c <= 0 ? c : Character.toUpperCase(c);
    }

    @Override
    public String getText(Interval interval) {
        return text.getText(interval);
    }

    @Override
    public void consume() {
        text.consume();
    }

    @Override
    public int mark() {
        return text.mark();
    }

    @Override
    public void release(int marker) {
        text.release(marker);
    }

    @Override
    public int index() {
        return text.index();
    }

    @Override
    public void seek(int index) {
        text.seek(index);
    }

    @Override
    public int size() {
        return text.size();
    }

    @Override
    public String getSourceName() {
        return text.getSourceName();
    }
}
