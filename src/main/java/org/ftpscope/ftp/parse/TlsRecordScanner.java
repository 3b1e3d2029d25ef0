package org.ftpscope.ftp.parse;

/**
 * Follows TLS record boundaries in one direction of a control connection after AUTH (RFC 4217),
 * without keys: each record is a 5-byte header (content type 20–23, version 0x03 0x00–0x04, a
 * length of at most {@link #MAX_RECORD}) and that many bytes. Where a record boundary holds
 * something else the direction is no longer TLS: cleartext FTP after a refused or ignored AUTH,
 * or after CCC (RFC 2228 §5.3) and its close_notify alert.
 */
public final class TlsRecordScanner {
    /** Largest record body TLS allows: 2^14 plus expansion of 2048 (RFC 5246 §6.2.3). */
    static final int MAX_RECORD = (1 << 14) + 2048;
    public static final int ALERT = 21;

    public enum State {
        /** No byte seen yet. */
        START,
        /** Every byte so far belonged to well-formed records. */
        TLS,
        /** At a record boundary something that is not a record header came: cleartext from there on. */
        CLEAR,
        /** Bytes are missing: boundaries can no longer be followed; opaque from there on. */
        LOST
    }

    private State state = State.START;
    private final byte[] header = new byte[5];
    private int headerLen;
    private long bodyLeft;
    private int lastType = -1;
    private int records;
    private int lastRecordFrame;

    public State state() { return state; }

    /** Content type of the last record whose header was read (21: alert, e.g. close_notify). */
    public int lastType() { return lastType; }

    public int records() { return records; }

    /** The frame that began the last record. */
    int lastRecordFrame() { return lastRecordFrame; }

    /**
     * Consumes bytes while they are TLS; returns how many were. When fewer than {@code n} are, the
     * state is {@link State#CLEAR} and the rest starts at a record boundary.
     */
    public int feed(byte[] b, int off, int n, int frame) {
        if (state == State.CLEAR || state == State.LOST) return state == State.LOST ? n : 0;
        int i = 0;
        while (i < n) {
            if (bodyLeft > 0) {
                int take = (int) Math.min(bodyLeft, n - i);
                bodyLeft -= take;
                i += take;
                continue;
            }
            if (headerLen == 0 && !plausibleStart(b, off + i, n - i)) {
                state = State.CLEAR;
                return i;
            }
            if (headerLen == 0) lastRecordFrame = frame;
            header[headerLen++] = b[off + i++];
            if (headerLen == 5) {
                headerLen = 0;
                int type = header[0] & 0xff;
                int len = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
                if (!isHeader(header, 0, 5) ) {
                    // A header that went bad after its first bytes: not TLS after all (checked byte by byte below).
                    state = State.CLEAR;
                    return Math.max(0, i - 5);
                }
                lastType = type;
                records++;
                bodyLeft = len;
                state = State.TLS;
            }
        }
        return n;
    }

    /** Bytes are missing in this direction. */
    public void gap() {
        if (state != State.CLEAR) state = State.LOST;
    }

    /** What is at hand of a header fits one (the rest may follow in the next segment). */
    private static boolean plausibleStart(byte[] b, int off, int n) {
        int type = b[off] & 0xff;
        if (type < 20 || type > 23) return false;
        if (n >= 2 && b[off + 1] != 3) return false;
        if (n >= 3 && (b[off + 2] & 0xff) > 4) return false;
        return n < 5 || isHeader(b, off, n);
    }

    /** A complete 5-byte record header. */
    static boolean isHeader(byte[] b, int off, int n) {
        if (n < 5) return false;
        int type = b[off] & 0xff;
        int len = ((b[off + 3] & 0xff) << 8) | (b[off + 4] & 0xff);
        return type >= 20 && type <= 23 && b[off + 1] == 3 && (b[off + 2] & 0xff) <= 4 && len > 0 && len <= MAX_RECORD;
    }
}
