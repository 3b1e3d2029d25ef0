package org.ftpscope.tcp;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.decode.IpAddr;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpAnalysisFlags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Turns TCP frames into connections and, per direction, the payload in sequence order exactly
 * once: out-of-order segments wait (copied, bounded) until the hole before them fills;
 * retransmitted and overlapping bytes are dropped; bytes the capture never had become gaps of
 * known length (when the peer acknowledged them, when the wait buffer is full, or at the end),
 * so no stream stalls and no byte is invented.
 */
public final class TcpReassembler {
    private static final long MASK32 = 0xFFFFFFFFL;
    /** Below this time after the highest segment, an early-sequence segment is out-of-order, not a retransmission. */
    private static final long OOO_THRESHOLD_NANOS = 3_000_000L;

    private final StreamListener listener;
    private final TcpLimits limits;
    private final ConnectionTable connections = new ConnectionTable();
    private final List<TcpStream> streams = new ArrayList<>();
    private final TcpFrameTable table = new TcpFrameTable();
    private final SpanPool spanPool = new SpanPool();
    private int framesOverStreamLimit;
    private int firstFrameOverStreamLimit;

    public TcpReassembler(StreamListener listener) { this(listener, TcpLimits.DEFAULT); }

    public TcpReassembler(StreamListener listener, TcpLimits limits) {
        this.listener = listener;
        this.limits = limits;
        table.bind(Collections.unmodifiableList(streams));
    }

    /** Feed every frame in capture order; {@code buf[off..off+capLen)} is the frame, {@code p} decoded from it. */
    public void frame(int frame, long nanos, PacketInfo p, byte[] buf, int off, int capLen) {
        if (!p.tcp) {
            table.set(frame, -1, 0);
            return;
        }
        TcpStream s = connections.get(p);
        boolean syn = p.has(PacketInfo.SYN);
        int flags = 0;
        // Shaped for the JIT: this method runs a million times and is compiled again whenever a rare
        // branch in it (or in what it inlines) is taken for the first time. Connection set-up and the
        // segment analysis are big methods compiled on their own, so their rare branches are cheap.
        if (s == null || syn) {
            s = setUp(s, p, frame, nanos);
            if (s == null) return; // over the stream limit
            flags = setUpFlags;
        }
        Direction d = direction(s, p);
        TcpStream.Half h = s.half[d.ordinal()];
        TcpStream.Half o = s.half[1 - d.ordinal()];
        s.lastFrame = frame;
        s.lastTimeNanos = nanos;
        h.frames++;
        if (!h.baseKnown) startSequence(h, p);

        long dataRel = h.rel(p.seq) + (syn ? 1 : 0);
        int len = p.payloadLength;
        flags = analyse(s, d, h, o, p, frame, nanos, dataRel, len, syn, flags);
        if (len > 0) deliverOrBuffer(s, d, h, p, frame, nanos, buf, off, dataRel, len);
        consumeFin(h);
        // Rarely true (out-of-order data, segments the capture lost), so the check stays inline.
        if (o.baseKnown && p.has(PacketInfo.ACK) && o.rel(p.ack) > o.nextRel) {
            fillAcknowledgedHole(s, d.opposite(), o, p.ack, frame, flags);
        }
        listener.segment(s, d, frame, p);
        if (s.ended() && !s.closedNotified && h.pending.isEmpty() && o.pending.isEmpty()) {
            s.closedNotified = true;
            listener.streamClosed(s);
        }
    }

    private static Direction direction(TcpStream s, PacketInfo p) {
        boolean fromClient = p.srcPort == s.client.port() && p.srcLo == s.client.ip().lo()
                && p.srcHi == s.client.ip().hi();
        return fromClient ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
    }

    /** Flags of the last {@link #setUp} call (ports reused, SYN retransmitted). */
    private int setUpFlags;

    /**
     * A frame of a connection not seen before, or a SYN: finds or starts the stream, handles the
     * handshake, and tells the listener about a new stream. Null when over the stream limit.
     */
    private TcpStream setUp(TcpStream s, PacketInfo p, int frame, long nanos) {
        boolean syn = p.has(PacketInfo.SYN), ack = p.has(PacketInfo.ACK);
        int flags = 0;
        if (s != null && syn && !ack && startsNewConnection(s, p)) {
            flags |= TcpAnalysisFlags.PORTS_REUSED;
            closeIfOpen(s);
            s = null;
        }
        boolean opened = false;
        if (s == null) {
            if (streams.size() >= limits.maxStreams()) {
                if (framesOverStreamLimit++ == 0) firstFrameOverStreamLimit = frame;
                table.set(frame, -1, 0);
                return null;
            }
            s = newStream(p, nanos, frame);
            connections.put(p, s);
            opened = true;
        }
        Direction d = direction(s, p);
        TcpStream.Half h = s.half[d.ordinal()];
        if (syn) flags |= handshake(s, d, h, p, frame, nanos);
        if (!h.baseKnown) startSequence(h, p);
        if (opened) listener.streamOpened(s, frame);
        setUpFlags = flags;
        return s;
    }

    /** The first segment of a direction without a SYN: its sequence number is where the stream starts. */
    private static void startSequence(TcpStream.Half h, PacketInfo p) {
        h.baseKnown = true;
        h.isn = p.seq;
        h.nextRel = 0;
        h.nextSeq32 = p.seq;
    }

    private boolean startsNewConnection(TcpStream s, PacketInfo p) {
        if (s.ended()) return true;
        TcpStream.Half h = s.half[direction(s, p).ordinal()];
        return h.synSeen && h.isn != p.seq;
    }

    private TcpStream newStream(PacketInfo p, long nanos, int frame) {
        boolean syn = p.has(PacketInfo.SYN), ack = p.has(PacketInfo.ACK);
        Endpoint src = p.srcEndpoint(), dst = p.dstEndpoint();
        TcpStream s;
        if (syn && !ack) s = new TcpStream(streams.size(), src, dst, false, spanPool);
        else if (syn) s = new TcpStream(streams.size(), dst, src, false, spanPool);
        else {
            // No handshake seen: the server is the side on port 21, else a well-known port, else the lower port.
            boolean srcIsServer = p.srcPort == 21 || (p.dstPort != 21 && (p.srcPort < 1024) != (p.dstPort < 1024)
                    ? p.srcPort < 1024 : p.dstPort != 21 && p.srcPort < p.dstPort);
            s = srcIsServer ? new TcpStream(streams.size(), dst, src, true, spanPool) : new TcpStream(streams.size(), src, dst, true, spanPool);
        }
        s.firstFrame = frame;
        s.firstTimeNanos = nanos;
        streams.add(s);
        return s;
    }

    private int handshake(TcpStream s, Direction d, TcpStream.Half h, PacketInfo p, int frame, long nanos) {
        if (!p.has(PacketInfo.SYN)) return 0;
        int flags = 0;
        boolean ack = p.has(PacketInfo.ACK);
        if (h.synSeen && h.isn == p.seq) flags |= TcpAnalysisFlags.RETRANSMISSION;
        if (!ack && d == Direction.CLIENT_TO_SERVER) {
            if (s.synFrame == 0) {
                s.synFrame = frame;
                s.synNanos = nanos;
            }
            s.synCount++;
        } else if (ack && s.synAckFrame == 0) {
            s.synAckFrame = frame;
            s.synAckNanos = nanos;
        }
        if (!h.synSeen || h.isn != p.seq) {
            h.synSeen = true;
            h.baseKnown = true;
            h.isn = p.seq;
            h.nextRel = 1;
            h.nextSeq32 = (p.seq + 1) & MASK32;
            h.maxEnd = Math.max(h.maxEnd, 1);
            h.maxEndNanos = nanos;
        }
        h.wsOffered = p.windowScale >= 0;
        h.windowShift = p.windowScale >= 0 ? Math.min(p.windowScale, 14) : -1;
        return flags;
    }

    /**
     * Wireshark's per-segment labels (packet-tcp.c's order of tests): keep-alive, lost segment,
     * then for a segment that does not advance the sequence: fast retransmission (≥ 2 duplicate
     * ACKs for it in the last 20 ms), out-of-order (within the first handshake RTT, default 3 ms,
     * of the highest segment), spurious retransmission (already acknowledged), retransmission;
     * then duplicate ACKs and window updates, judged against the sender's previous ACK.
     * Also notes the handshake RTT and the direction's FIN and RST, and records the frame's flags.
     * One method on purpose: too big for C2 to inline into {@link #frame}, so the first duplicate
     * ACK or zero window recompiles only this.
     */
    private int analyse(TcpStream s, Direction d, TcpStream.Half h, TcpStream.Half rev, PacketInfo p, int frame,
                        long nanos, long dataRel, int len, boolean syn, int flags) {
        boolean ack = p.has(PacketInfo.ACK), fin = p.has(PacketInfo.FIN), rst = p.has(PacketInfo.RST);
        if (s.rttNanos < 0 && s.synFrame > 0 && s.synAckFrame > 0 && !syn && ack && d == Direction.CLIENT_TO_SERVER) {
            s.rttNanos = nanos - s.synNanos;
        }
        if (rst && h.rstFrame == 0) h.rstFrame = frame;

        if (!syn && !rst && p.window == 0 && !fin) flags |= TcpAnalysisFlags.ZERO_WINDOW;
        if (len <= 1 && !syn && !fin && !rst && dataRel == h.maxEnd - 1 && h.maxEnd > 0) {
            flags |= TcpAnalysisFlags.KEEP_ALIVE;
        } else {
            if (len > 0 || fin) {
                boolean notAdvanced = dataRel < h.maxEnd && !syn;
                if (dataRel > h.maxEnd && h.frames > 1) {
                    flags |= TcpAnalysisFlags.LOST_SEGMENT;
                } else if (notAdvanced) {
                    long sinceDupAck = nanos - rev.lastAckNanos;
                    long sinceHighest = nanos - h.maxEndNanos;
                    long threshold = s.rttNanos > 0 ? s.rttNanos : OOO_THRESHOLD_NANOS;
                    boolean revAckKnown = rev.baseKnown && rev.lastAck >= 0;
                    if (rev.dupAcks >= 2 && revAckKnown && h.rel(rev.lastAck) == dataRel && sinceDupAck < 20_000_000L) {
                        flags |= TcpAnalysisFlags.FAST_RETRANSMISSION | TcpAnalysisFlags.RETRANSMISSION;
                    } else if (sinceHighest < threshold && h.maxEnd != dataRel + len) {
                        flags |= TcpAnalysisFlags.OUT_OF_ORDER;
                    } else if (len > 0 && revAckKnown && dataRel + len <= h.rel(rev.lastAck)) {
                        flags |= TcpAnalysisFlags.SPURIOUS_RETRANSMISSION | TcpAnalysisFlags.RETRANSMISSION;
                    } else {
                        flags |= TcpAnalysisFlags.RETRANSMISSION;
                    }
                }
            }
            if (len > 0 && !syn && rev.baseKnown && rev.lastAck >= 0 && rev.lastWindow >= 0) {
                int shift = rev.wsOffered && h.wsOffered ? rev.windowShift : 0;
                if (dataRel + len == h.rel(rev.lastAck) + ((long) rev.lastWindow << shift)) {
                    flags |= TcpAnalysisFlags.WINDOW_FULL;
                }
            }
            long end = dataRel + len + (fin ? 1 : 0);
            if (end > h.maxEnd) {
                h.maxEnd = end;
                h.maxEndNanos = nanos;
            }
        }

        if (ack) {
            if (len == 0 && !syn && !fin && !rst && p.ack == h.lastAck) {
                if (p.window == h.lastWindow) {
                    h.dupAcks++;
                    flags |= TcpAnalysisFlags.DUPLICATE_ACK;
                    table.setDupAck(frame, h.lastAckFrame, h.dupAcks);
                } else if (p.window > h.lastWindow) {
                    flags |= TcpAnalysisFlags.WINDOW_UPDATE;
                }
            }
            h.lastAckNanos = nanos;
            if (p.ack != h.lastAck) {
                h.lastAck = p.ack;
                h.lastAckFrame = frame;
                h.dupAcks = 0;
            }
            h.lastWindow = p.window;
        }
        if (fin && h.finFrame == 0) {
            h.finFrame = frame;
            h.finRel = dataRel + len;
        }
        table.set(frame, s.index(), flags);
        return flags;
    }

    private void deliverOrBuffer(TcpStream s, Direction d, TcpStream.Half h, PacketInfo p, int frame, long nanos,
                                 byte[] buf, int off, long dataRel, int len) {
        int cap = p.capturedPayloadLength;
        long end = dataRel + len;
        if (end <= h.nextRel) return; // all of it delivered before: a retransmission
        if (dataRel <= h.nextRel) {
            int skip = (int) (h.nextRel - dataRel);
            deliver(s, d, h, frame, buf, off + p.payloadOffset + skip, p.payloadOffset + skip,
                    Math.max(0, cap - skip), len - skip);
            drain(s, d, h, frame);
            return;
        }
        TcpStream.Pending old = h.pending.get(dataRel);
        if (old != null && old.wireLength() >= len) return;
        byte[] copy = Arrays.copyOfRange(buf, off + p.payloadOffset, off + p.payloadOffset + cap);
        if (old != null) h.pendingBytes -= old.data().length;
        h.pending.put(dataRel, new TcpStream.Pending(dataRel, copy, frame, p.payloadOffset, len, nanos));
        h.pendingBytes += copy.length;
        if (h.pendingBytes > limits.maxOutOfOrderBytesPerStream()) {
            s.warning = "more than " + limits.maxOutOfOrderBytesPerStream()
                    + " bytes waited behind a hole; the hole was declared a gap";
            skipToFirstPending(s, d, h, frame);
        }
    }

    /** Delivers {@code present} captured bytes of a {@code wire}-byte segment; the rest (snaplen) is a gap. */
    private void deliver(TcpStream s, Direction d, TcpStream.Half h, int frame, byte[] buf, int at, int offInFrame,
                         int present, int wire) {
        present = Math.min(present, wire);
        if (present > 0) {
            h.bytes += present;
            h.spans.add(frame, offInFrame, present);
            listener.data(s, d, frame, buf, at, present);
        }
        if (wire > present) gap(s, d, h, wire - present, frame);
        h.nextRel += wire;
        h.nextSeq32 = (h.isn + h.nextRel) & MASK32;
    }

    private void gap(TcpStream s, Direction d, TcpStream.Half h, long length, int frame) {
        h.gapBytes += length;
        h.spans.addGap(length);
        listener.gap(s, d, length, frame);
    }

    /** Delivers waiting segments that now continue the stream. */
    private void drain(TcpStream s, Direction d, TcpStream.Half h, int frame) {
        while (!h.pending.isEmpty()) {
            Map.Entry<Long, TcpStream.Pending> first = h.pending.firstEntry();
            TcpStream.Pending pd = first.getValue();
            if (pd.rel() > h.nextRel) break;
            h.pending.pollFirstEntry();
            h.pendingBytes -= pd.data().length;
            long end = pd.rel() + pd.wireLength();
            if (end <= h.nextRel) continue;
            int skip = (int) (h.nextRel - pd.rel());
            deliver(s, d, h, pd.frame(), pd.data(), Math.min(skip, pd.data().length), pd.offsetInFrame() + skip,
                    Math.max(0, pd.data().length - skip), pd.wireLength() - skip);
        }
        consumeFin(h);
    }

    private void consumeFin(TcpStream.Half h) {
        if (h.finRel >= 0 && h.nextRel == h.finRel) {
            h.nextRel++;
            h.nextSeq32 = (h.isn + h.nextRel) & MASK32;
        }
    }

    /** Declares the hole before the first waiting segment missing, then delivers what waited. */
    private void skipToFirstPending(TcpStream s, Direction d, TcpStream.Half h, int frame) {
        if (h.pending.isEmpty()) return;
        long holeEnd = h.pending.firstKey();
        if (holeEnd > h.nextRel) {
            gap(s, d, h, holeEnd - h.nextRel, frame);
            h.nextRel = holeEnd;
            h.nextSeq32 = (h.isn + h.nextRel) & MASK32;
        }
        drain(s, d, h, frame);
    }

    /**
     * The peer acknowledged bytes we never saw: they crossed the network but not the capture point.
     * Mark them as a gap now instead of waiting for the end.
     */
    private void fillAcknowledgedHole(TcpStream s, Direction od, TcpStream.Half o, long ack, int frame, int flags) {
        long ackRel = o.rel(ack);
        long holeEnd = ackRel;
        if (!o.pending.isEmpty()) holeEnd = Math.min(holeEnd, o.pending.firstKey());
        if (o.finRel >= 0) holeEnd = Math.min(holeEnd, o.finRel);
        if (holeEnd <= o.nextRel) return;
        // An ACK one past what we saw is usually the peer acknowledging a FIN we did not capture.
        if (holeEnd - o.nextRel == 1 && o.pending.isEmpty() && o.finRel < 0) return;
        if (ackRel > o.maxEnd) table.set(frame, s.index(), flags | TcpAnalysisFlags.ACKED_UNSEEN);
        gap(s, od, o, holeEnd - o.nextRel, frame);
        o.nextRel = holeEnd;
        o.nextSeq32 = (o.isn + o.nextRel) & MASK32;
        drain(s, od, o, frame);
    }

    private void closeIfOpen(TcpStream s) {
        for (Direction d : Direction.values()) skipAll(s, d, s.half[d.ordinal()], s.lastFrame);
        if (!s.closedNotified) {
            s.closedNotified = true;
            listener.streamClosed(s);
        }
    }

    private void skipAll(TcpStream s, Direction d, TcpStream.Half h, int frame) {
        while (!h.pending.isEmpty()) skipToFirstPending(s, d, h, frame);
    }

    /** End of capture: waiting data after holes is delivered behind gaps; every stream is closed. */
    public void finish() {
        for (TcpStream s : streams) {
            closeIfOpen(s);
            for (TcpStream.Half h : s.half) h.spans.trim();
        }
        table.trim();
    }

    public List<TcpStream> streams() { return Collections.unmodifiableList(streams); }

    public TcpFrameTable frameTable() { return table; }

    /** TCP frames ignored because {@link TcpLimits#maxStreams()} streams were already tracked. */
    public int framesOverStreamLimit() { return framesOverStreamLimit; }

    /** The limits reassembly reached, as warnings for the user. */
    public java.util.List<org.ftpscope.capture.CaptureWarning> limitWarnings() {
        if (framesOverStreamLimit == 0) return java.util.List.of();
        return java.util.List.of(org.ftpscope.capture.CaptureWarning.limit(org.ftpscope.capture.Limit.TCP_STREAMS,
                firstFrameOverStreamLimit, framesOverStreamLimit + " TCP frames of connections past the limit were counted,"
                        + " not reassembled or analysed (" + limits.maxStreams() + " streams tracked)"));
    }

    static IpAddr ip(long hi, long lo, boolean v6) { return new IpAddr(v6, hi, lo); }
}
