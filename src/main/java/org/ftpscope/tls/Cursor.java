package org.ftpscope.tls;

import java.util.Arrays;

/** Bounds-checked reading of TLS's length-prefixed structures; running past the end throws {@link Malformed}. */
final class Cursor {
    static final class Malformed extends Exception {
        Malformed(String m) { super(m); }
    }

    private final byte[] b;
    private int pos;
    private final int end;

    Cursor(byte[] b) { this(b, 0, b.length); }

    Cursor(byte[] b, int off, int end) {
        this.b = b;
        this.pos = off;
        this.end = end;
    }

    int remaining() { return end - pos; }

    boolean more() { return pos < end; }

    int u8() throws Malformed { need(1); return b[pos++] & 0xff; }

    int u16() throws Malformed { need(2); int v = (b[pos] & 0xff) << 8 | (b[pos + 1] & 0xff); pos += 2; return v; }

    int u24() throws Malformed {
        need(3);
        int v = (b[pos] & 0xff) << 16 | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff);
        pos += 3;
        return v;
    }

    byte[] bytes(int n) throws Malformed { need(n); byte[] r = Arrays.copyOfRange(b, pos, pos + n); pos += n; return r; }

    /** A sub-cursor over the next {@code n} bytes, which this cursor skips. */
    Cursor sub(int n) throws Malformed { need(n); Cursor c = new Cursor(b, pos, pos + n); pos += n; return c; }

    private void need(int n) throws Malformed {
        if (n < 0 || end - pos < n) throw new Malformed("truncated: need " + n + " bytes, " + (end - pos) + " left");
    }
}
