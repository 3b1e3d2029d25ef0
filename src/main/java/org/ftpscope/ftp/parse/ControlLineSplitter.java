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
 * a lost segment usually holds whole lines. Bytes too few to tell (a frame the snaplen cut to
 * {@code PASV}, {@code 227} or {@code RE}) are a line start when they are the beginning of one and
 * the next hole comes before anything contradicts it: a cut line, never parsed. Inside an open
 * multi-line reply a line may begin with anything; one that begins with a space (as FEAT's and
 * STAT's inner lines do, RFC 2389 §3.2) is taken as a line too. Otherwise they are skipped up to the
 * next line end, and counted ({@link #skipped()}).
 */
public final class ControlLineSplitter {
    /** Longest line kept; RFC 959 sets no limit, real servers cut at a few KB. */
    public static final int MAX_LINE = org.ftpscope.capture.Limit.CONTROL_LINE_BYTES.intValue();

    public interface Sink {
        /** A line without its line end; {@code overlong} when it was cut at MAX_LINE. */
        void line(String line, int frame, long nanos, boolean overlong, LineCut cut);
    }

    private final Sink sink;
    /** True while a multi-line reply is open (the server's direction): its inner lines may begin with a space. */
    private final java.util.function.BooleanSupplier innerLines;
    private byte[] buf = new byte[256];
    private int len;
    private int lineFrame;
    private long lineNanos;
    private boolean overlong;
    /** After a gap, unless the next bytes start like a line: skip to the next line end. */
    private boolean resync;
    /** The next bytes fed are the first after a gap: look whether they start a line. */
    private boolean afterGap;
    /**
     * The line being built began right after a gap with bytes too few to tell whether they start a
     * line ({@link Start#UNDECIDED}): it is kept if a gap cuts it before anything contradicts it.
     */
    private boolean tentative;
    /** Places where the bytes after a gap did not start like a line and were skipped; the first one's frame. */
    private int skipped;
    private int firstSkippedFrame;
    private boolean iacPending;

    public ControlLineSplitter(Sink sink) { this(sink, () -> false); }

    /** {@code innerLines}: whether a multi-line reply is open, so a line after a gap may begin with a space. */
    public ControlLineSplitter(Sink sink, java.util.function.BooleanSupplier innerLines) {
        this.sink = sink;
        this.innerLines = innerLines;
    }

    public void feed(byte[] b, int off, int n, int frame, long nanos) {
        if (afterGap && n > 0) {
            afterGap = false;
            Start st = b[off] == ' ' && innerLines.getAsBoolean() ? Start.YES : start(b, off, n, false);
            if (st != Start.NO) resync = false;
            else noteSkipped(frame);
            tentative = st == Start.UNDECIDED;
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
                if (tentative && start(buf, 0, len, true) == Start.NO) {
                    // A whole line now, and not one that starts like a command or reply.
                    noteSkipped(lineFrame);
                    resync = true;
                }
                tentative = false;
                if (!resync) emit(LineCut.NONE);
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
            if (tentative) {
                Start st = start(buf, 0, len, false);
                if (st == Start.NO) {
                    noteSkipped(lineFrame);
                    tentative = false;
                    resync = true;
                    len = 0;
                } else if (st == Start.YES) {
                    tentative = false;
                }
            }
        }
    }

    private void noteSkipped(int frame) {
        if (skipped++ == 0) firstSkippedFrame = frame;
    }

    /** Bytes missing here: by the snaplen ({@code snaplen}) or lost before the capture point. */
    public void gap(boolean snaplen) {
        if (!resync && (len > 0 || overlong)) emit(snaplen ? LineCut.SNAPLEN : LineCut.LOST);
        tentative = false;
        resync = true;
        afterGap = true;
        iacPending = false;
        len = 0;
        overlong = false;
    }

    /** Emits a last line that had no line end (the connection closed). */
    public void finish() {
        if (tentative && start(buf, 0, len, true) == Start.NO) {
            noteSkipped(lineFrame);
            resync = true;
        }
        tentative = false;
        if (!resync && (len > 0 || overlong)) emit(LineCut.NONE);
        len = 0;
    }

    /**
     * Places where the bytes after a gap did not start like a command or reply and were skipped up
     * to the next line end (the rest of a line cut before, or a line whose start is not in the capture).
     */
    public int skipped() { return skipped; }

    /** The frame of the first {@link #skipped()} place, 0 if none. */
    public int firstSkippedFrame() { return firstSkippedFrame; }

    private void emit(LineCut cut) {
        int n = len;
        if (n > 0 && buf[n - 1] == '\r') n--;
        // UTF-8 as RFC 2640 says; bytes that are not UTF-8 become U+FFFD, never an error.
        sink.line(new String(buf, 0, n, StandardCharsets.UTF_8), lineFrame, lineNanos, overlong, cut);
    }

    /** Whether bytes start like a control line: {@code ddd } / {@code ddd-}, or a known verb and a space or line end. */
    public static boolean startsLine(byte[] b, int off, int n) {
        return start(b, off, n, false) == Start.YES;
    }

    /** Whether bytes start like a control line: yes, no, or too few to tell. */
    enum Start { YES, NO, UNDECIDED }

    /** Longest known verb (XSHA256). */
    private static final int LONGEST_VERB = FtpCommand.KNOWN.stream().mapToInt(String::length).max().orElse(8);

    /**
     * Whether {@code b[off..off+n)} starts like a control line: three digits (a reply code) and a
     * space, hyphen or line end, or a known verb and a space or line end. {@link Start#UNDECIDED}
     * when the bytes end before that is decided and are the beginning of such a start (1-3 digits;
     * the first letters of a known verb, or a whole one); {@code ended}: a line end follows them.
     */
    static Start start(byte[] b, int off, int n, boolean ended) {
        if (n == 0) return ended ? Start.NO : Start.UNDECIDED;
        if (digit(b[off])) {
            for (int i = 1; i < 3; i++) {
                if (i == n) return ended && i < 3 ? Start.NO : Start.UNDECIDED;
                if (!digit(b[off + i])) return Start.NO;
            }
            if (n == 3) return ended ? Start.YES : Start.UNDECIDED;
            byte c = b[off + 3];
            return c == ' ' || c == '-' || c == '\r' || c == '\n' ? Start.YES : Start.NO;
        }
        int end = off, lim = off + Math.min(n, LONGEST_VERB + 1);
        while (end < lim && (Character.isLetterOrDigit(b[end]) && b[end] > 0)) end++;
        if (end == off) return Start.NO;
        String verb = new String(b, off, end - off, StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
        if (end == off + n) {
            if (ended) return FtpCommand.KNOWN.contains(verb) ? Start.YES : Start.NO;
            return beginsKnownVerb(verb) ? Start.UNDECIDED : Start.NO;
        }
        byte next = b[end];
        if (next != ' ' && next != '\r' && next != '\n') return Start.NO;
        return FtpCommand.KNOWN.contains(verb) ? Start.YES : Start.NO;
    }

    /** Whether {@code prefix} (upper case) is a known verb or the beginning of one. */
    private static boolean beginsKnownVerb(String prefix) {
        for (String v : FtpCommand.KNOWN) if (v.startsWith(prefix)) return true;
        return false;
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
