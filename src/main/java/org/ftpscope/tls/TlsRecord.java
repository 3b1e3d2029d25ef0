package org.ftpscope.tls;

/**
 * One TLS record as it crossed the wire (still protected when the connection is encrypted).
 *
 * @param streamOffset offset of the record header in its TCP stream direction
 * @param firstFrame   frame that carried the header's first byte
 * @param lastFrame    frame that carried the record's last byte (where Wireshark shows the record)
 */
public record TlsRecord(int type, int version, byte[] fragment, long streamOffset, int firstFrame, int lastFrame) {
    public static final int CHANGE_CIPHER_SPEC = 20, ALERT = 21, HANDSHAKE = 22, APPLICATION_DATA = 23, HEARTBEAT = 24;

    /**
     * RFC 5246 6.2.3: a protected record is at most 2^14 + 2048 bytes. A protocol rule, not a limit:
     * a header that claims more is not TLS (where it comes first) or ends the record layer.
     */
    public static final int MAX_LENGTH = 16384 + 2048;

    /** The 5-byte header, which TLS 1.3 authenticates as additional data. */
    byte[] header() {
        return new byte[] {(byte) type, (byte) (version >> 8), (byte) version,
                (byte) (fragment.length >> 8), (byte) fragment.length};
    }
}
