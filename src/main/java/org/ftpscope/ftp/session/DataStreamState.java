package org.ftpscope.ftp.session;

import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;
import org.ftpscope.tls.NoPlaintext;


/** Byte counts and running SHA-256 of one data connection, per direction. */
final class DataStreamState {
    final DataChannelMatch match;
    final TcpStream tcp;
    private final DigestPipeline digests;
    private final int[] digest = {-1, -1};
    private final String[] hex = new String[2];
    private final long[] bytes = new long[2];
    private final long[] gaps = new long[2];
    private final long[] truncated = new long[2];
    private final long[] firstNanos = {-1, -1};
    private final long[] lastNanos = {-1, -1};
    private final int[] firstFrame = new int[2];
    private final int[] lastFrame = new int[2];
    private final int[] firstGapFrame = new int[2];
    /** PROT P: bytes of TLS records the key log did not open, and where they began. */
    private final long[] undecrypted = new long[2];
    private final int[] firstUndecryptedFrame = new int[2];
    private final boolean[] tlsProtected = new boolean[2];

    DataStreamState(DataChannelMatch match, TcpStream tcp, DigestPipeline digests) {
        this.match = match;
        this.tcp = tcp;
        this.digests = digests;
    }

    void data(Direction d, int frame, long nanos, byte[] buf, int off, int len) {
        int i = d.ordinal();
        if (digest[i] < 0 && !tlsProtected[i] && looksLikeTls(buf, off, len)) {
            // PROT P without a key log: these are TLS records, not the file.
            tlsProtected[i] = true;
            undecryptedWhy = "the data connection is TLS-protected (PROT P) and no key log was given (--tls-keylog)";
        }
        if (tlsProtected[i] && undecryptedWhy != null && !decrypting) {
            undecrypted(d, len, frame, null);
            return;
        }
        if (digest[i] < 0) digest[i] = digests.newDigest();
        digests.update(digest[i], buf, off, len);
        bytes[i] += len;
        if (firstNanos[i] < 0) {
            firstNanos[i] = nanos;
            firstFrame[i] = frame;
        }
        // Bytes that waited behind a hole carry their own (earlier) frame's time: the span of the
        // transfer runs from the earliest to the latest time its bytes were captured.
        firstNanos[i] = Math.min(firstNanos[i], nanos);
        lastNanos[i] = Math.max(lastNanos[i], nanos);
        lastFrame[i] = frame;
    }

    void gap(Direction d, long length, int frame) {
        if (gaps[d.ordinal()] == 0) firstGapFrame[d.ordinal()] = frame;
        gaps[d.ordinal()] += length;
    }

    /** Why TLS record bytes of this connection have no plaintext; null when none. */
    private String undecryptedWhy;
    /** A key log is in use: {@link #data} receives plaintext, {@link #undecrypted} what it could not open. */
    private boolean decrypting;

    /**
     * The first segment of a direction starts with a TLS handshake record header (RFC 5246 6.2.1:
     * type 22, version 3.x, a length a record can have). A file could start so too; a data
     * connection that is TLS always does (PROT P connections begin with the handshake).
     */
    static boolean looksLikeTls(byte[] b, int off, int len) {
        if (len < 5 || b[off] != 22 || b[off + 1] != 3 || (b[off + 2] & 0xff) > 4) return false;
        int length = (b[off + 3] & 0xff) << 8 | (b[off + 4] & 0xff);
        return length > 0 && length <= org.ftpscope.tls.TlsRecord.MAX_LENGTH;
    }

    /** The direction is TLS (PROT P) and a key log was given: {@link #data} receives its plaintext. */
    void tlsProtected(Direction d) {
        tlsProtected[d.ordinal()] = true;
        decrypting = true;
        if (undecryptedWhy == null) undecryptedWhy = "the key log has no key that opens this data connection (or it does not fit)";
    }

    /** Why the direction's TLS record bytes have no plaintext (the TLS layer's cause when it named one). */
    String undecryptedWhy(Direction d) {
        NoPlaintext c = noPlaintext[d.ordinal()];
        return c != null ? c.text() : undecryptedWhy;
    }

    /** True when bytes missing from the capture, not the key log, stopped the direction's decryption. */
    boolean undecryptedForMissingBytes(Direction d) {
        NoPlaintext c = noPlaintext[d.ordinal()];
        return c != null && c.cause() == NoPlaintext.Cause.BYTES_MISSING;
    }

    boolean isTlsProtected(Direction d) { return tlsProtected[d.ordinal()]; }

    /** The TLS layer's cause for the first undecrypted bytes of each direction; null without one. */
    private final NoPlaintext[] noPlaintext = new NoPlaintext[2];

    /**
     * TLS record bytes whose plaintext is not known (no key, a key that does not fit, or bytes
     * missing before them); {@code why} is the TLS layer's cause, null when it gave none.
     */
    void undecrypted(Direction d, long length, int frame, NoPlaintext why) {
        if (undecrypted[d.ordinal()] == 0) {
            firstUndecryptedFrame[d.ordinal()] = frame;
            noPlaintext[d.ordinal()] = why;
        }
        undecrypted[d.ordinal()] += length;
    }

    long undecryptedBytes(Direction d) { return undecrypted[d.ordinal()]; }

    int firstUndecryptedFrame(Direction d) { return firstUndecryptedFrame[d.ordinal()]; }

    /** The frame at which the first hole of a direction was noticed, 0 when none. */
    int firstGapFrame(Direction d) { return firstGapFrame[d.ordinal()]; }

    /** The capture's snapshot length cut a frame of this direction. */
    void markTruncated(Direction d) { truncated[d.ordinal()]++; }

    long bytes(Direction d) { return bytes[d.ordinal()]; }

    long gaps(Direction d) { return gaps[d.ordinal()]; }

    boolean truncated(Direction d) { return truncated[d.ordinal()] > 0; }

    long firstNanos(Direction d) { return firstNanos[d.ordinal()]; }

    long lastNanos(Direction d) { return lastNanos[d.ordinal()]; }

    int firstFrame(Direction d) { return firstFrame[d.ordinal()]; }

    int lastFrame(Direction d) { return lastFrame[d.ordinal()]; }

    /** Hex SHA-256 of what the direction carried (of nothing, when it carried nothing); after the pass. */
    String sha256(Direction d) {
        int i = d.ordinal();
        if (hex[i] == null) {
            if (digest[i] < 0) digest[i] = digests.newDigest();
            hex[i] = digests.hex(digest[i]);
        }
        return hex[i];
    }
}
