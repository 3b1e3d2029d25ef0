package org.ftpscope.tcp;

import org.ftpscope.decode.Endpoint;

import java.util.TreeMap;

/**
 * One TCP connection (Wireshark's {@code tcp.stream}). Filled during reassembly; everyone else
 * only reads it.
 */
public final class TcpStream {
    private final int index;
    final Endpoint client;
    final Endpoint server;
    final boolean roleGuessed;
    final Half[] half;
    int firstFrame;
    int lastFrame;
    long firstTimeNanos;
    long lastTimeNanos;
    int synFrame;
    int synAckFrame;
    int synCount;
    /** The client's last SYN that was not an exact copy of an earlier frame. */
    int lastSynFrame;
    boolean closedNotified;
    /** Wireshark's first RTT (ts_first_rtt), for telling out-of-order from retransmission; valid when rttKnown. */
    long rttNanos;
    boolean rttKnown;
    long synNanos;
    /** Time of the most recent SYN without ACK, either direction (Wireshark's ts_mru_syn); MIN_VALUE before. */
    long mruSynNanos = Long.MIN_VALUE;
    long synAckNanos;
    String warning;
    /**
     * Opened by a frame that is an exact copy of an earlier one (a capture holding the same traffic
     * twice): the stream exists, as in Wireshark, but its frames are not analysed as FTP again.
     */
    boolean copy;
    /** Whether this stream awaits acknowledged bytes not read yet ({@link Half#ackedUnread}), and since when. */
    boolean held;
    long holdNanos;
    /** The capture time of the segment whose bytes are being delivered ({@link #dataNanos()}). */
    long dataNanos;
    /** The RST that refused this connection before the client's SYN, retransmitted, got through; 0 if none. */
    int refusedBeforeRetryFrame;

    TcpStream(int index, Endpoint client, Endpoint server, boolean roleGuessed, SpanPool spans) {
        this.index = index;
        this.half = new Half[] {new Half(spans), new Half(spans)};
        this.client = client;
        this.server = server;
        this.roleGuessed = roleGuessed;
    }

    /** Per-direction reassembly state. Offsets are relative to the ISN (the SYN is offset 0). */
    static final class Half {
        boolean baseKnown;
        /** ISN, or the first sequence number seen when the SYN was not captured. */
        long isn = -1;
        /**
         * Wireshark's base_seq: the SYN's sequence number, one less than the first sequence number
         * seen without a SYN, or one less than the first acknowledgment of this direction the peer
         * sent, whichever came first; -1 until known. Relative numbers count from it and, as in
         * Wireshark, it is never reset within a stream.
         */
        long wsBase = -1;
        boolean synSeen;
        /** Relative offset of the next byte to deliver. */
        long nextRel;
        /** The 32-bit sequence number matching {@link #nextRel}. */
        long nextSeq32;
        /** Highest relative end (seq + len, + SYN/FIN) seen. */
        long maxEnd;
        /**
         * Wireshark's maxseqtobeacked: the end of the data seen without a hole (advanced only by a
         * segment that starts there); an ACK beyond it acknowledges bytes the capture did not see. -1 until set.
         */
        long maxToBeAcked = -1;
        long maxEndNanos;
        long bytes;
        int frames;
        long gapBytes;
        int finFrame;
        long finRel = -1;
        int rstFrame;
        int windowShift = -1;
        boolean wsOffered;
        long lastAck = -1;
        int lastWindow = -1;
        int lastAckFrame;
        long lastAckNanos;
        int dupAcks;
        /**
         * The peer's first acknowledgment number (32-bit) and its frame, 0 before any: with the
         * handshake lost, what shows where this direction's data began (see {@link #firstPeerAck}).
         */
        long firstPeerAck = -1;
        int firstPeerAckFrame;
        final TreeMap<Long, Pending> pending = new TreeMap<>();
        long pendingBytes;
        /**
         * The end of this direction's bytes the peer acknowledged before they were read (they may
         * still come: two taps, a capture that reorders), and the frame that first did; -1 and 0 when none.
         */
        long ackedUnread = -1;
        int ackedUnreadFrame;
        final StreamSpans spans;

        Half(SpanPool pool) { spans = new StreamSpans(pool); }

        /** Relative offset of a 32-bit sequence number, unwrapped around {@link #nextSeq32}. */
        long rel(long seq32) {
            int delta = (int) (seq32 - nextSeq32);
            return nextRel + delta;
        }

        /** The 32-bit sequence number of relative offset {@code rel}: the inverse of {@link #rel}. */
        long seq32(long rel) { return (nextSeq32 + (rel - nextRel)) & 0xFFFFFFFFL; }
    }

    /** Bytes waiting behind a hole: a copy, plus where they are in the capture. */
    /** {@code ack}: the peer's relative offset this segment acknowledges, when it must be read first; else -1. */
    record Pending(long rel, byte[] data, int frame, int offsetInFrame, int wireLength, long nanos, long ack) {}

    public int index() { return index; }

    /**
     * During {@link StreamListener#data}: the capture time of the frame that carried the bytes, also
     * when they waited behind a hole and are read at a later frame.
     */
    public long dataNanos() { return dataNanos; }

    public Endpoint client() { return client; }

    public Endpoint server() { return server; }

    /** True when no SYN was seen and the roles were guessed from the ports. */
    public boolean roleGuessed() { return roleGuessed; }

    public int firstFrame() { return firstFrame; }

    public int lastFrame() { return lastFrame; }

    public long firstTimeNanos() { return firstTimeNanos; }

    public long lastTimeNanos() { return lastTimeNanos; }

    public long bytes(Direction d) { return half[d.ordinal()].bytes; }

    public int frames(Direction d) { return half[d.ordinal()].frames; }

    public long gapBytes(Direction d) { return half[d.ordinal()].gapBytes; }

    public int synFrame() { return synFrame; }

    public int synAckFrame() { return synAckFrame; }

    /** SYNs the client sent, retransmissions included. */
    public int synCount() { return synCount; }

    public int finFrame(Direction d) { return half[d.ordinal()].finFrame; }

    public int rstFrame(Direction d) { return half[d.ordinal()].rstFrame; }

    /**
     * Whether the other side's latest ACK covers every byte direction {@code d} sent (up to its FIN
     * or its last byte): proof that bytes missing from the capture still reached the peer.
     */
    public boolean peerAcknowledgedAll(Direction d) {
        Half h = half[d.ordinal()], peer = half[1 - d.ordinal()];
        if (!h.baseKnown || peer.lastAck < 0) return false;
        long end = h.finRel >= 0 ? h.finRel : h.nextRel;
        return h.rel(peer.lastAck) >= end;
    }

    /** The frame of the other side's latest new ACK for direction {@code d}, 0 when none. */
    public int peerAckFrame(Direction d) { return half[1 - d.ordinal()].lastAckFrame; }

    /**
     * The sequence number reassembly of direction {@code d} started at when its SYN was not
     * captured (its first segment's); -1 when the SYN was captured or no segment of it was.
     */
    public long firstSeq(Direction d) {
        Half h = half[d.ordinal()];
        return h.synSeen || !h.baseKnown ? -1 : h.isn;
    }

    /** The peer's first acknowledgment number for direction {@code d} (32-bit), -1 when it sent none. */
    public long firstPeerAck(Direction d) { return half[d.ordinal()].firstPeerAck; }

    /** The frame of {@link #firstPeerAck}, 0 when none. */
    public int firstPeerAckFrame(Direction d) { return half[d.ordinal()].firstPeerAckFrame; }

    /** The peer's latest new acknowledgment number for direction {@code d} (32-bit), -1 when none. */
    public long lastPeerAck(Direction d) { return half[1 - d.ordinal()].lastAck; }

    /**
     * The sequence number of direction {@code d}'s first data byte (its ISN + 1) as the capture
     * proves it, -1 when it does not: from its SYN (or SYN-ACK); for the connecting side whose SYN
     * was lost, from the SYN-ACK, whose acknowledgment number is that side's ISN + 1.
     * (A TCP Fast Open SYN's data would be counted in the SYN-ACK's number: not told apart.)
     */
    public long dataStartSeq(Direction d) {
        Half h = half[d.ordinal()];
        if (h.synSeen) return (h.isn + 1) & 0xFFFFFFFFL;
        if (d == Direction.CLIENT_TO_SERVER && synAckFrame > 0 && h.firstPeerAckFrame == synAckFrame) return h.firstPeerAck;
        return -1;
    }

    /**
     * The frame of the peer's ACK of direction {@code d}'s FIN when the FIN itself is not in the
     * capture: its latest acknowledgment is one past the last byte of the direction (the sequence
     * number only a FIN takes there), with no FIN captured. 0 otherwise.
     */
    public int uncapturedFinAckFrame(Direction d) {
        Half h = half[d.ordinal()], peer = half[1 - d.ordinal()];
        if (!h.baseKnown || h.finFrame > 0 || peer.lastAck < 0 || !h.pending.isEmpty()) return 0;
        return h.rel(peer.lastAck) == h.nextRel + 1 ? peer.lastAckFrame : 0;
    }

    /** ISN of a direction, -1 when its SYN was not captured. */
    public long isn(Direction d) { Half h = half[d.ordinal()]; return h.synSeen ? h.isn : -1; }

    public StreamSpans spans(Direction d) { return half[d.ordinal()].spans; }

    /**
     * True when the frame that opened this stream is an exact copy of an earlier frame, so its
     * traffic is a second copy of a connection analysed already (see {@link org.ftpscope.capture.DuplicateFrames}).
     */
    public boolean isCopy() { return copy; }

    /**
     * The RST (frame) that refused this connection before a retransmission of the same SYN
     * (same ISN, so the same connection, as Wireshark keeps it) was answered; 0 when none.
     */
    public int refusedBeforeRetryFrame() { return refusedBeforeRetryFrame; }

    /** A note about this stream's reassembly (e.g. the out-of-order limit was hit), or null. */
    public String warning() { return warning; }

    /**
     * Whether the capture shows the client's SYN was answered although it holds no SYN-ACK: the client
     * sent a segment with ACK (it can only acknowledge the server's sequence after receiving its
     * SYN-ACK, RFC 9293 §3.10.7.3), or the server sent data, a FIN, or an ACK that is not part of a reset.
     * Then the SYN-ACK is only missing from the capture (one direction captured, or the frame lost).
     */
    public boolean answerShownWithoutSynAck() {
        Half c = half[0], s = half[1];
        return c.lastAck >= 0 || s.bytes > 0 || s.gapBytes > 0 || s.finFrame > 0 || (s.lastAck >= 0 && s.rstFrame == 0);
    }

    /**
     * The direction that has no segment in the capture although the other side's ACKs show it sent
     * some (at least its SYN or SYN-ACK: an ACK acknowledges the peer's sequence numbers); null when
     * both directions have segments, or nothing shows that the silent side sent anything.
     */
    public Direction unseenDirection() {
        for (Direction d : Direction.values()) {
            if (half[d.ordinal()].frames == 0 && half[1 - d.ordinal()].lastAck >= 0) return d;
        }
        return null;
    }

    /** Capture time of the client's first SYN; meaningful when {@link #synFrame()} is not 0. */
    public long synNanos() { return synNanos; }

    /**
     * Capture time of the latest SYN without ACK (either direction; in a stream without SYN-ACK, the
     * client's latest SYN or its retransmission); Long.MIN_VALUE when none.
     */
    public long lastSynNanos() { return mruSynNanos; }

    public StreamState state() {
        Half c = half[0], s = half[1];
        if (synFrame > 0 && synAckFrame == 0 && !answerShownWithoutSynAck()) {
            return s.rstFrame > 0 ? StreamState.REFUSED : StreamState.SYN_SENT;
        }
        if (c.rstFrame > 0 || s.rstFrame > 0) return StreamState.RESET;
        if (c.finFrame > 0 && s.finFrame > 0) return StreamState.CLOSED;
        if (c.finFrame > 0 || s.finFrame > 0) return StreamState.HALF_CLOSED;
        return synFrame == 0 && synAckFrame == 0 ? StreamState.MIDSTREAM : StreamState.ESTABLISHED;
    }

    boolean ended() {
        return half[0].rstFrame > 0 || half[1].rstFrame > 0 || (half[0].finFrame > 0 && half[1].finFrame > 0);
    }

    @Override
    public String toString() { return "tcp.stream " + index + " " + client + " → " + server; }
}
