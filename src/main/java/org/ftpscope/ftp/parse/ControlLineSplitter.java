package org.ftpscope.ftp.parse;

import org.ftpscope.ftp.model.FtpCommand;
import org.ftpscope.ftp.model.LineCut;
import java.nio.charset.StandardCharsets;

/**
 * Cuts one direction of a control connection into lines, whatever the segment boundaries: a
 * line split over segments, several lines in one. CRLF and bare LF both end a line. Lines longer
 * than {@link #MAX_LINE} are cut there (the rest up to the line end is dropped) and reported.
 *
 * <p>Bytes missing from the capture (a lost segment, or a frame cut by the snaplen) end the line
 * being built: it is emitted as a cut line, never as a whole one. What follows the hole is a new
 * line only when it starts like one (a reply code and a space or hyphen, or a known command verb):
 * a lost segment usually holds whole lines. Otherwise it is skipped up to the next line end.
 */
public final class ControlLineSplitter {
    /** Longest line kept; RFC 959 sets no limit, real servers cut at a few KB. */
    public static final int MAX_LINE = org.ftpscope.capture.Limit.CONTROL_LINE_BYTES.intValue();

    public interface Sink {
        /** A line without its line end; {@code overlong} when it was cut at MAX_LINE. */
        void line(String line, int frame, long nanos, boolean overlong, LineCut cut);
    }

    private final Sink sink;
    private byte[] buf = new byte[256];
    private int len;
    private int lineFrame;
    private long lineNanos;
    private boolean overlong;
    /** After a gap, unless the next bytes start like a line: skip to the next line end. */
    private boolean resync;
    /** The next bytes fed are the first after a gap: look whether they start a line. */
    private boolean afterGap;
    /** Lines skipped after gaps because their start was not in the capture. */
    private int skippedLines;
    private boolean iacPending;

    public ControlLineSplitter(Sink sink) { this.sink = sink; }

    public void feed(byte[] b, int off, int n, int frame, long nanos) {
        if (afterGap && n > 0) {
            afterGap = false;
            if (startsLine(b, off, n)) resync = false;
        }
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
                if (len == 0 && !overlong) {
                    // An empty line is in this frame, not where the previous line began.
                    lineFrame = frame;
                    lineNanos = nanos;
                }
                if (!resync) emit(LineCut.NONE);
                else skippedLines++;
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

    /** Bytes missing here: by the snaplen ({@code snaplen}) or lost before the capture point. */
    public void gap(boolean snaplen) {
        if (!resync && (len > 0 || overlong)) emit(snaplen ? LineCut.SNAPLEN : LineCut.LOST);
        resync = true;
        afterGap = true;
        iacPending = false;
        len = 0;
        overlong = false;
    }

    /** Emits a last line that had no line end (the connection closed). */
    public void finish() {
        if (!resync && (len > 0 || overlong)) emit(LineCut.NONE);
        len = 0;
    }

    /** Lines skipped after gaps because their start was not in the capture. */
    int skippedLines() { return skippedLines; }

    private void emit(LineCut cut) {
        int n = len;
        if (n > 0 && buf[n - 1] == '\r') n--;
        // UTF-8 as RFC 2640 says; bytes that are not UTF-8 become U+FFFD, never an error.
        sink.line(new String(buf, 0, n, StandardCharsets.UTF_8), lineFrame, lineNanos, overlong, cut);
    }

    /** Whether bytes start like a control line: {@code ddd } / {@code ddd-}, or a known verb and a space or line end. */
    public static boolean startsLine(byte[] b, int off, int n) {
        if (n >= 4 && digit(b[off]) && digit(b[off + 1]) && digit(b[off + 2])
                && (b[off + 3] == ' ' || b[off + 3] == '-' || b[off + 3] == '\r' || b[off + 3] == '\n')) {
            return true;
        }
        int end = off, lim = off + Math.min(n, 8);
        while (end < lim && (Character.isLetterOrDigit(b[end]) && b[end] > 0)) end++;
        if (end == off || end == off + n) return false;
        byte next = b[end];
        if (next != ' ' && next != '\r' && next != '\n') return false;
        String verb = new String(b, off, end - off, StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
        return FtpCommand.KNOWN.contains(verb);
    }

    private static boolean digit(byte c) { return c >= '0' && c <= '9'; }

    /** The first line of a segment, without its line end, as Wireshark's Info column shows it. */
    static String firstLine(byte[] b, int off, int n) {
        int end = off;
        int lim = off + n;
        while (end < lim && b[end] != '\n' && b[end] != '\r') end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }
}
