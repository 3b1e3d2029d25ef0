package org.ftpscope.ftp;

import java.nio.charset.StandardCharsets;

/**
 * Cuts one direction of a control connection into lines, whatever the segment boundaries: a
 * line split over segments, several lines in one. CRLF and bare LF both end a line. Lines longer
 * than {@link #MAX_LINE} are cut there (the rest up to the line end is dropped) and reported.
 */
final class ControlLineSplitter {
    /** Longest line kept; RFC 959 sets no limit, real servers cut at a few KB. */
    static final int MAX_LINE = 64 * 1024;

    interface Sink {
        /** A line without its line end; {@code overlong} when it was cut at MAX_LINE. */
        void line(String line, int frame, long nanos, boolean overlong);
    }

    private final Sink sink;
    private byte[] buf = new byte[256];
    private int len;
    private int lineFrame;
    private long lineNanos;
    private boolean overlong;
    /** After a gap the partial line is lost; skip to the next line end. */
    private boolean resync;
    private boolean iacPending;

    ControlLineSplitter(Sink sink) { this.sink = sink; }

    void feed(byte[] b, int off, int n, int frame, long nanos) {
        for (int i = off, end = off + n; i < end; i++) {
            byte c = b[i];
            // Telnet commands (IAC x), e.g. the IP and Synch clients send before ABOR (RFC 959 §4.1.3).
            if (iacPending) {
                iacPending = false;
                if (c != (byte) 0xFF) continue;
            } else if (c == (byte) 0xFF) {
                iacPending = true;
                continue;
            }
            if (c == '\n') {
                if (!resync) emit();
                resync = false;
                len = 0;
                overlong = false;
                continue;
            }
            if (resync) continue;
            if (len == 0 && !overlong) {
                lineFrame = frame;
                lineNanos = nanos;
            }
            if (len >= MAX_LINE) {
                overlong = true;
                continue;
            }
            if (len == buf.length) buf = java.util.Arrays.copyOf(buf, Math.min(MAX_LINE, len * 2));
            buf[len++] = c;
        }
    }

    void gap() {
        resync = true;
        len = 0;
        overlong = false;
    }

    /** Emits a last line that had no line end (the connection closed). */
    void finish() {
        if (!resync && (len > 0 || overlong)) emit();
        len = 0;
    }

    private void emit() {
        int n = len;
        if (n > 0 && buf[n - 1] == '\r') n--;
        // UTF-8 as RFC 2640 says; bytes that are not UTF-8 become U+FFFD, never an error.
        sink.line(new String(buf, 0, n, StandardCharsets.UTF_8), lineFrame, lineNanos, overlong);
    }

    /** The first line of a segment, without its line end, as Wireshark's Info column shows it. */
    static String firstLine(byte[] b, int off, int n) {
        int end = off;
        int lim = off + n;
        while (end < lim && b[end] != '\n' && b[end] != '\r') end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }
}
