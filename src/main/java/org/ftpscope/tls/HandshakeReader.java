package org.ftpscope.tls;

import org.ftpscope.capture.Limit;

import java.util.function.Consumer;

/**
 * Reassembles handshake messages from the handshake-type content of one direction (clear or
 * decrypted): a message may span records, a record may hold several messages. Messages over
 * {@link Limit#TLS_HANDSHAKE_MESSAGE} are skipped, and said so.
 */
final class HandshakeReader {
    /** One handshake message; {@code frame} is the frame of the record that completed it. */
    record Message(int type, byte[] body, int frame, boolean decrypted) {}

    static final int MAX_MESSAGE = Limit.TLS_HANDSHAKE_MESSAGE.intValue();

    /** Told of each message skipped at the limit, with the frame of its header. */
    interface Skipped { void skipped(int frame); }

    private final Consumer<Message> out;
    private final Skipped skipped;
    private final byte[] head = new byte[4];
    private int headLen;
    private byte[] body;
    private int bodyLen;
    private long skip;
    private int skipType = -1;
    private String note;

    HandshakeReader(Consumer<Message> out) { this(out, frame -> { }); }

    HandshakeReader(Consumer<Message> out, Skipped skipped) {
        this.out = out;
        this.skipped = skipped;
    }

    void feed(byte[] b, int off, int len, int frame, boolean decrypted) {
        int i = off, end = off + len;
        while (i < end) {
            if (skip > 0) {
                int n = (int) Math.min(skip, end - i);
                skip -= n;
                i += n;
                continue;
            }
            if (headLen < 4) {
                int n = Math.min(4 - headLen, end - i);
                System.arraycopy(b, i, head, headLen, n);
                headLen += n;
                i += n;
                if (headLen < 4) return;
                int length = (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8 | (head[3] & 0xff);
                if (length > MAX_MESSAGE) {
                    skip = length;
                    skipType = head[0] & 0xff;
                    note = "handshake message type " + skipType + " of " + length + " bytes (frame " + frame
                            + ") skipped (" + Limit.TLS_HANDSHAKE_MESSAGE.label() + ")";
                    headLen = 0;
                    skipped.skipped(frame);
                    continue;
                }
                body = new byte[length];
                bodyLen = 0;
                if (length == 0) { // ServerHelloDone, an empty EndOfEarlyData …
                    emit(frame, decrypted);
                    continue;
                }
            }
            int n = Math.min(body.length - bodyLen, end - i);
            System.arraycopy(b, i, body, bodyLen, n);
            bodyLen += n;
            i += n;
            if (bodyLen == body.length) emit(frame, decrypted);
        }
    }

    private void emit(int frame, boolean decrypted) {
        Message m = new Message(head[0] & 0xff, body, frame, decrypted);
        headLen = 0;
        body = null;
        out.accept(m);
    }

    /** True between messages: TLS 1.3 changes keys only there. */
    boolean atBoundary() { return headLen == 0 && skip == 0; }

    /** Set when a message was skipped. */
    String note() { return note; }
}
