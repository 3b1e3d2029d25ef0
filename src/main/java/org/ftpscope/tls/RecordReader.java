package org.ftpscope.tls;

import org.ftpscope.capture.Limit;

import java.util.function.Consumer;

/**
 * Cuts one direction of a reassembled TCP stream into TLS records. Records may span segments; each
 * record carries the frames it came from. Before TLS starts the direction may carry CRLF lines in
 * clear (FTP up to {@code AUTH TLS}/{@code 234}): TLS is taken to start at the first line start
 * whose bytes are a handshake or alert record header ({@code 16|15 03 0x}). FTP lines begin with a
 * letter or digit, never with those bytes.
 */
final class RecordReader {
    enum Mode { SCANNING, RECORDS, NOT_TLS, STOPPED, CLEAR_AGAIN }

    /** Bytes after the TLS records, when the direction went back to cleartext (FTP {@code CCC}). */
    interface ClearSink { void cleartext(int frame, long offset, byte[] b, int off, int len); }

    private final Consumer<TlsRecord> out;
    private final ClearSink clear;
    private int lastType = -1;
    private long clearStart = -1;
    private int clearStartFrame;
    private Mode mode = Mode.SCANNING;
    private long consumed;
    private boolean lineStart = true;
    private final byte[] header = new byte[5];
    private int headerLen;
    private byte[] body;
    private int bodyLen;
    private int firstFrame;
    private long recordOffset;
    private long tlsStart = -1;
    private int tlsStartFrame;
    private long records;
    private boolean headerSeen;
    private String stopReason;
    private int stopFrame;
    /** True when the scan stopped at {@link Limit#TLS_CLEARTEXT_PREFIX}, not at bytes that cannot be TLS. */
    private boolean prefixReached;
    static final int MAX_CLEARTEXT_PREFIX = Limit.TLS_CLEARTEXT_PREFIX.intValue();

    RecordReader(Consumer<TlsRecord> out) { this(out, null); }

    RecordReader(Consumer<TlsRecord> out, ClearSink clear) {
        this.out = out;
        this.clear = clear;
    }

    void feed(int frame, byte[] b, int off, int len) {
        int i = off, end = off + len;
        while (i < end) {
            switch (mode) {
                case NOT_TLS, STOPPED -> { return; }
                case SCANNING -> i = scan(frame, b, i, end);
                case RECORDS -> i = records(frame, b, i, end);
                case CLEAR_AGAIN -> {
                    if (clear != null) clear.cleartext(frame, consumed, b, i, end - i);
                    consumed += end - i;
                    return;
                }
            }
        }
    }

    private int scan(int frame, byte[] b, int i, int end) {
        while (i < end) {
            if (consumed >= MAX_CLEARTEXT_PREFIX) {
                mode = Mode.NOT_TLS;
                prefixReached = true;
                stopReason = "no TLS record starts within the first " + MAX_CLEARTEXT_PREFIX
                        + " bytes (" + Limit.TLS_CLEARTEXT_PREFIX.label() + ")";
                stopFrame = frame;
                return end;
            }
            byte c = b[i];
            if (lineStart && (c == TlsRecord.HANDSHAKE || c == TlsRecord.ALERT)) {
                mode = Mode.RECORDS;
                tlsStart = consumed;
                tlsStartFrame = frame;
                return i;
            }
            lineStart = c == '\n';
            i++;
            consumed++;
        }
        return i;
    }

    private int records(int frame, byte[] b, int i, int end) {
        if (headerLen < 5) {
            if (headerLen == 0) {
                firstFrame = frame;
                recordOffset = consumed;
            }
            int n = Math.min(5 - headerLen, end - i);
            System.arraycopy(b, i, header, headerLen, n);
            headerLen += n;
            consumed += n;
            i += n;
            if (headerLen < 5) return i;
            int type = header[0] & 0xff, major = header[1] & 0xff, minor = header[2] & 0xff;
            int length = (header[3] & 0xff) << 8 | (header[4] & 0xff);
            boolean first = records == 0;
            boolean typeOk = first ? type == TlsRecord.HANDSHAKE || type == TlsRecord.ALERT
                    : type >= TlsRecord.CHANGE_CIPHER_SPEC && type <= TlsRecord.HEARTBEAT;
            if (!typeOk || major != 3 || minor > 4 || length > TlsRecord.MAX_LENGTH) {
                if (!first && lastType == TlsRecord.ALERT && headerLen == 5 && printable(header)) {
                    // FTP CCC (RFC 4217 12.3): after the close_notify the control connection goes on
                    // in clear. Only after an alert record, and only when the bytes look like an FTP line.
                    mode = Mode.CLEAR_AGAIN;
                    clearStart = recordOffset;
                    clearStartFrame = firstFrame;
                    if (clear != null) clear.cleartext(firstFrame, recordOffset, header, 0, 5);
                    return i;
                }
                if (first) {
                    // The line start looked like TLS but is not: treat the direction as not TLS.
                    mode = Mode.NOT_TLS;
                    stopReason = String.format("bytes at stream offset %d (frame %d) are not a TLS record header", recordOffset, firstFrame);
                } else {
                    stop(String.format("record layer lost at stream offset %d (frame %d): bytes %02x %02x %02x %02x %02x are not a TLS record header%s",
                            recordOffset, firstFrame, type, major, minor, header[3] & 0xff, header[4] & 0xff,
                            length > TlsRecord.MAX_LENGTH ? " (length over " + TlsRecord.MAX_LENGTH + ", the most RFC 5246 allows)" : ""), firstFrame);
                }
                stopFrame = firstFrame;
                return end;
            }
            headerSeen = true;
            body = new byte[length];
            bodyLen = 0;
            if (length == 0) emit(frame);
            return i;
        }
        int n = Math.min(body.length - bodyLen, end - i);
        System.arraycopy(b, i, body, bodyLen, n);
        bodyLen += n;
        consumed += n;
        i += n;
        if (bodyLen == body.length) emit(frame);
        return i;
    }

    private void emit(int frame) {
        int version = (header[1] & 0xff) << 8 | (header[2] & 0xff);
        TlsRecord r = new TlsRecord(header[0] & 0xff, version, body, recordOffset, firstFrame, frame);
        headerLen = 0;
        body = null;
        records++;
        lastType = r.type();
        out.accept(r);
    }

    /** Bytes the capture does not have: the record boundaries after them are unknown. */
    void gap(long length, int frame) {
        if (mode == Mode.RECORDS) {
            stop("capture gap of " + length + " bytes at frame " + frame
                    + ": TLS record boundaries after it are unknown, later records are not parsed", frame);
        } else if (mode == Mode.SCANNING) {
            mode = Mode.NOT_TLS;
            stopReason = "capture gap of " + length + " bytes at frame " + frame + " before any TLS record";
            stopFrame = frame;
        }
    }

    void stop(String reason, int frame) {
        if (mode == Mode.STOPPED) return;
        mode = Mode.STOPPED;
        stopReason = reason;
        stopFrame = frame;
    }

    /** A record still incomplete when the stream ended, described; null when none. */
    String unfinished() {
        if (mode != Mode.RECORDS || headerLen == 0) return null;
        if (headerLen < 5) return "the stream ends inside a record header (frame " + firstFrame + ")";
        return "the stream ends inside a record: " + bodyLen + " of " + body.length + " bytes (from frame " + firstFrame + ")";
    }

    private static boolean printable(byte[] h) {
        for (byte c : h) if (!(c >= 0x20 && c < 0x7f) && c != '\r' && c != '\n') return false;
        return true;
    }

    Mode mode() { return mode; }

    /** True when the direction was given up as not TLS at {@link Limit#TLS_CLEARTEXT_PREFIX}: TLS starting later is not read. */
    boolean prefixReached() { return prefixReached; }

    /** Stream offset where the direction went back to cleartext after TLS, -1 when it did not. */
    long clearStart() { return clearStart; }

    int clearStartFrame() { return clearStartFrame; }

    boolean tlsSeen() { return tlsStart >= 0; }

    long tlsStart() { return tlsStart; }

    int tlsStartFrame() { return tlsStartFrame; }

    long records() { return records; }

    /** True once a valid record header was read, even if the record never completed. */
    boolean headerSeen() { return headerSeen; }

    String stopReason() { return stopReason; }

    /** Bytes of the record being read (header and body so far), 0 between records. */
    long pendingBytes() { return mode == Mode.RECORDS ? headerLen + (body == null ? 0 : bodyLen) : 0; }

    /** The frame that carried the first byte of the record being read. */
    int pendingFrame() { return firstFrame; }

    int stopFrame() { return stopFrame; }
}
