package org.ftpscope.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A small streaming JSON writer: objects, arrays, and correctly escaped strings (every control
 * character, and U+2028/2029, so capture content cannot break the document). Pretty-prints with
 * two-space indentation.
 */
public final class JsonWriter {
    private final Writer out;
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

    public JsonWriter value(double d) {
        element();
        if (Double.isNaN(d) || Double.isInfinite(d)) write("null");
        else write(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        return this;
    }

    public JsonWriter nullValue() { element(); write("null"); return this; }

    public JsonWriter field(String name, String v) { return name(name).value(v); }

    public JsonWriter field(String name, long v) { return name(name).value(v); }

    public JsonWriter field(String name, boolean v) { return name(name).value(v); }

    public JsonWriter field(String name, double v) { return name(name).value(v); }

    /** A number field that is null when {@code v} is negative (unknown). */
    public JsonWriter fieldOrNull(String name, long v) {
        name(name);
        return v < 0 ? nullValue() : value(v);
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open(char c) {
        element();
        write(String.valueOf(c));
        depth++;
        hasElement[depth] = false;
    }

    private void close(char c) {
        boolean had = hasElement[depth];
        depth--;
        if (had) newline();
        write(String.valueOf(c));
        if (depth == 0) write("\n");
    }

    private void element() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (hasElement[depth]) write(",");
            hasElement[depth] = true;
            newline();
        }
    }

    private void newline() {
        write("\n");
        write("  ".repeat(depth));
    }

    private void string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        write(sb.append('"').toString());
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
