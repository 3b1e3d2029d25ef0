package org.ftpscope.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A small streaming JSON writer: objects, arrays, and correctly escaped strings (every control
 * character, and U+2028/2029, so capture content cannot break the document). Pretty-prints with
 * two-space indentation. Buffers its output: a {@link java.io.OutputStreamWriter} costs a buffer
 * allocation per write call, and a report makes millions of small ones; {@link #flush()} at the end.
 */
public final class JsonWriter {
    private final Writer out;
    private final char[] buf = new char[1 << 14];
    private int pos;
    private int depth;
    /** Whether the current container already has an element (a comma is due). */
    private final boolean[] hasElement = new boolean[256];
    private boolean afterName;

    public JsonWriter(Writer out) { this.out = out; }

    public JsonWriter beginObject() { open('{'); return this; }

    public JsonWriter endObject() { close('}'); return this; }

    public JsonWriter beginArray() { open('['); return this; }

    public JsonWriter endArray() { close(']'); return this; }

    public JsonWriter name(String name) {
        element();
        string(name);
        write(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        element();
        if (s == null) write("null");
        else string(s);
        return this;
    }

    public JsonWriter value(long n) { element(); write(Long.toString(n)); return this; }

    public JsonWriter value(boolean b) { element(); write(b ? "true" : "false"); return this; }

    /**
     * {@code units / 10^scale} as a plain decimal without trailing zeros ({@code decimal(173221, 3)} is
     * 173.221): exact, never in exponent notation, and no floating-point formatting per value.
     */
    public JsonWriter decimal(long units, int scale) {
        element();
        StringBuilder b = new StringBuilder(24);
        String digits = Long.toString(units);
        if (units < 0) {
            b.append('-');
            digits = digits.substring(1);
        }
        int whole = digits.length() - scale, point = Math.max(whole, 0);
        if (whole > 0) b.append(digits, 0, whole);
        else b.append('0');
        int end = digits.length();
        while (end > point && digits.charAt(end - 1) == '0') end--;
        if (end > point) {
            b.append('.');
            for (int i = whole; i < 0; i++) b.append('0');
            b.append(digits, point, end);
        }
        write(b.toString());
        return this;
    }

    public JsonWriter field(String name, long units, int scale) { return name(name).decimal(units, scale); }

    public JsonWriter nullValue() { element(); write("null"); return this; }

    public JsonWriter field(String name, String v) { return name(name).value(v); }

    public JsonWriter field(String name, long v) { return name(name).value(v); }

    public JsonWriter field(String name, boolean v) { return name(name).value(v); }

    /** A number field that is null when {@code v} is negative (unknown). */
    public JsonWriter fieldOrNull(String name, long v) {
        name(name);
        return v < 0 ? nullValue() : value(v);
    }

    public void flush() {
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open(char c) {
        element();
        write(c);
        depth++;
        hasElement[depth] = false;
    }

    private void close(char c) {
        boolean had = hasElement[depth];
        depth--;
        if (had) newline();
        write(c);
        if (depth == 0) write('\n');
    }

    private void element() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (hasElement[depth]) write(',');
            hasElement[depth] = true;
            newline();
        }
    }

    private void newline() {
        write('\n');
        for (int i = 0; i < depth; i++) {
            write(' ');
            write(' ');
        }
    }

    private void string(String s) {
        write('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (plain(c)) {
                // Copy the run of characters that need no escape in one go.
                int end = i + 1;
                while (end < n && plain(s.charAt(end))) end++;
                writeRun(s, i, end);
                i = end - 1;
                continue;
            }
            switch (c) {
                case '"' -> write("\\\"");
                case '\\' -> write("\\\\");
                case '\n' -> write("\\n");
                case '\r' -> write("\\r");
                case '\t' -> write("\\t");
                default -> {
                    // C1 controls (0x9b is CSI) and bidi controls too: analyze prints this on terminals.
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
                            || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                        write("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) write(Character.forDigit(c >> shift & 15, 16));
                    } else {
                        write(c);
                    }
                }
            }
        }
        write('"');
    }

    private static boolean plain(char c) { return c >= 0x20 && c != '"' && c != '\\' && c < 0x7f; }

    private void writeRun(String s, int from, int to) {
        while (from < to) {
            if (pos == buf.length) drain();
            int n = Math.min(to - from, buf.length - pos);
            s.getChars(from, from + n, buf, pos);
            pos += n;
            from += n;
        }
    }

    private void write(char c) {
        if (pos == buf.length) drain();
        buf[pos++] = c;
    }

    private void write(String s) {
        int n = s.length();
        if (pos + n > buf.length) drain();
        if (n > buf.length) {
            try {
                out.write(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        s.getChars(0, n, buf, pos);
        pos += n;
    }

    private void drain() {
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pos = 0;
    }
}
