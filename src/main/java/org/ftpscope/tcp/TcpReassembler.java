package org.ftpscope.tcp;

import org.ftpscope.decode.Endpoint;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpAnalysisFlags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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
    /**
     * How long (capture time) a direction that acknowledged bytes of its peer not yet read waits for
     * them before they are declared a gap: two taps, one per direction, a little apart in time, or
     * a capture that reorders, show an ACK before the segment it acknowledges. Waiting keeps that
     * segment (and the order of command and reply); a segment the capture really lost costs only
     * the wait (docs/tcpcap.md).
     */
    public static final long REORDER_WAIT_NANOS = 10_000_000L;

    private final StreamListener listener;
    private final TcpLimits limits;
    private final ConnectionTable connections = new ConnectionTable();
    private final List<TcpStream> streams = new ArrayList<>();
    private final TcpFrameTable table = new TcpFrameTable();
    private final SpanPool spanPool = new SpanPool();
    private final org.ftpscope.capture.DuplicateFrames duplicates;
    private int framesOverStreamLimit;
    private final boolean perFrame;
    /** Hears nothing: the listener of streams that are a second copy of traffic analysed already. */
    private static final StreamListener QUIET = new StreamListener() {};
    private int firstFrameOverStreamLimit;
    /** Holes declared gaps because too much waited behind them (OUT_OF_ORDER_BYTES), and where the first was. */
    private int holesDeclared, firstHoleDeclaredFrame, firstHoleDeclaredStream;
    /** Streams awaiting acknowledged bytes not read yet ({@link TcpStream.Half#ackedUnread}); few at a time. */
    private final List<TcpStream> waiting = new ArrayList<>();
    private static final int MAX_WAITING = org.ftpscope.capture.Limit.REORDER_WAITS.intValue();
    private int waitsEndedEarly, firstWaitEndedEarlyFrame;

    public TcpReassembler(StreamListener listener) { this(listener, TcpLimits.DEFAULT); }

    public TcpReassembler(StreamListener listener, TcpLimits limits) { this(listener, limits, true); }

    /**
     * With {@code perFrame} false nothing is kept per frame or per segment (the frame table, the
     * streams' content spans): a streaming pass whose memory is bounded by the streams open at once.
     */
    public TcpReassembler(StreamListener listener, TcpLimits limits, boolean perFrame) {
        this.listener = listener;
        this.limits = limits;
        this.perFrame = perFrame;
        this.duplicates = new org.ftpscope.capture.DuplicateFrames(perFrame);
        table.bind(Collections.unmodifiableList(streams), duplicates);
    }

    /** As {@link #frame(int, long, int, PacketInfo, byte[], int, int)} for a frame captured whole. */
    public int frame(int frame, long nanos, PacketInfo p, byte[] buf, int off, int capLen) {
        return frame(frame, nanos, capLen, p, buf, off, capLen);
    }

    /**
     * Feed every frame in capture order; {@code buf[off..off+capLen)} is the frame, {@code p} decoded from it.
     *
     * @return the earlier frame this one is an exact copy of ({@link org.ftpscope.capture.DuplicateFrames}),
     *         or 0. A copy is analysed for its TCP flags and stream as Wireshark does (it is a
     *         retransmission or duplicate ACK there), but the listener does not hear of it: the
     *         analysis counts the traffic once.
     */
    public int frame(int frame, long nanos, int originalLength, PacketInfo p, byte[] buf, int off, int capLen) {
        boolean bare = p.tcp && p.payloadLength == 0 && (p.flags & (PacketInfo.SYN | PacketInfo.FIN)) == 0;
        int copyOf = duplicates.check(frame, nanos, p.linkType, originalLength, buf, off, capLen, bare);
        if (!p.tcp) {
            if (perFrame) table.set(frame, -1, 0);
            return copyOf;
        }
        tcpFrame(frame, nanos, p, buf, off, copyOf != 0);
        return copyOf;
    }

    private void tcpFrame(int frame, long nanos, PacketInfo p, byte[] buf, int off, boolean copy) {
        if (!waiting.isEmpty()) endExpiredWaits(nanos);
        TcpStream s = connections.get(p);
        boolean syn = p.has(PacketInfo.SYN);
        int flags = 0;
        // Runs once per frame: the rare paths (connection set-up, segment analysis) are methods of
        // their own, so this one stays small.
        if (s == null || syn) {
            s = setUp(s, p, frame, nanos, copy);
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
        if (h.wsBase < 0) h.wsBase = syn ? p.seq : (p.seq - 1) & MASK32;
        if (o.wsBase < 0 && p.has(PacketInfo.ACK)) o.wsBase = (p.ack - 1) & MASK32;
        if (o.firstPeerAckFrame == 0 && p.has(PacketInfo.ACK)) { o.firstPeerAck = p.ack; o.firstPeerAckFrame = frame; }

        long dataRel = h.rel(p.seq) + (syn ? 1 : 0);
        int len = p.payloadLength;
        flags = analyse(s, d, h, o, p, frame, nanos, dataRel, len, syn, flags);
        // The peer's bytes this frame acknowledges were sent before it. Rarely unread yet (a capture
        // that reorders or lost them), so the check stays inline.
        long ackRel = -1;
        if (o.baseKnown && p.has(PacketInfo.ACK)) {
            ackRel = o.rel(p.ack);
            if (ackRel > o.nextRel && !readUpTo(o, ackRel)) acknowledgedUnread(s, o, ackRel, frame, nanos);
            else ackRel = -1; // nothing to wait for
        }
        if (len > 0) deliverOrBuffer(s, d, h, p, frame, nanos, buf, off, dataRel, len, ackRel);
        consumeFin(h);
        if (!copy) listener(s).segment(s, d, frame, p);
        notifyIfClosed(s);
    }

    private StreamListener listener(TcpStream s) { return s.copy ? QUIET : listener; }

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
    private TcpStream setUp(TcpStream s, PacketInfo p, int frame, long nanos, boolean copy) {
        boolean syn = p.has(PacketInfo.SYN), ack = p.has(PacketInfo.ACK);
        int flags = 0;
        if (s != null && syn && !ack && startsNewConnection(s, p)) {
            flags |= TcpAnalysisFlags.PORTS_REUSED;
            closeIfOpen(s);
            s = null;
        } else if (s != null && syn && ack) {
            TcpStream.Half h = s.half[direction(s, p).ordinal()];
            // Wireshark flags a SYN-ACK whose ISN differs from the direction's base, in the same stream.
            if (h.wsBase >= 0 && p.seq != h.wsBase) flags |= TcpAnalysisFlags.PORTS_REUSED;
            if (!copy && s.synAckFrame == 0 && s.ended() && s.lastSynFrame > Math.max(s.half[0].rstFrame, s.half[1].rstFrame)) {
                retryAfterRefusal(s);
            }
        }
        boolean opened = false;
        if (s == null) {
            if (streams.size() >= limits.maxStreams()) {
                if (framesOverStreamLimit++ == 0) firstFrameOverStreamLimit = frame;
                if (perFrame) table.set(frame, -1, 0);
                return null;
            }
            s = newStream(p, nanos, frame);
            s.copy = copy;
            connections.put(p, s);
            opened = true;
        }
        Direction d = direction(s, p);
        TcpStream.Half h = s.half[d.ordinal()];
        if (syn) flags |= handshake(s, d, h, p, frame, nanos, copy);
        if (!h.baseKnown) startSequence(h, p);
        if (opened) listener(s).streamOpened(s, frame);
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

    /**
     * Wireshark's rule (packet-tcp.c): a SYN starts a new conversation on the same addresses and
     * ports ("port numbers reused") exactly when its sequence number differs from the base of its
     * direction; the same ISN again is a retransmission of the same connection, also after a RST
     * or FIN.
     */
    private boolean startsNewConnection(TcpStream s, PacketInfo p) {
        TcpStream.Half h = s.half[direction(s, p).ordinal()];
        return h.wsBase >= 0 && h.wsBase != p.seq;
    }

    /**
     * The SYN, refused with a RST, was sent again with the same ISN (the RST never reached the
     * client, or it ignored it) and this time answered: the connection is being set up after
     * all, so the RST no longer ends it. (A retry that is refused or unanswered leaves the
     * refusal as it was.)
     */
    private static void retryAfterRefusal(TcpStream s) {
        for (TcpStream.Half x : s.half) {
            if (x.rstFrame > 0 && s.refusedBeforeRetryFrame == 0) s.refusedBeforeRetryFrame = x.rstFrame;
            x.rstFrame = 0;
        }
        s.closedNotified = false;
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

    private int handshake(TcpStream s, Direction d, TcpStream.Half h, PacketInfo p, int frame, long nanos, boolean copy) {
        if (!p.has(PacketInfo.SYN)) return 0;
        int flags = 0;
        boolean ack = p.has(PacketInfo.ACK);
        if (h.synSeen && h.isn == p.seq) flags |= TcpAnalysisFlags.RETRANSMISSION;
        if (!ack) s.mruSynNanos = nanos;
        if (!ack && d == Direction.CLIENT_TO_SERVER) {
            if (s.synFrame == 0) {
                s.synFrame = frame;
                s.synNanos = nanos;
            }
            if (!copy) {
                s.synCount++;
                s.lastSynFrame = frame;
            }
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
     * then for a segment that does not advance the sequence: spurious retransmission (already
     * acknowledged), fast retransmission (≥ 2 duplicate ACKs for it in the last 20 ms),
     * out-of-order (within the first handshake RTT, default 3 ms, of the highest segment),
     * retransmission;
     * then duplicate ACKs and window updates, judged against the sender's previous ACK.
     * Also notes the handshake RTT and the direction's FIN and RST, and records the frame's flags.
     * One method, kept out of {@link #frame} so the per-frame path stays small.
     */
    private int analyse(TcpStream s, Direction d, TcpStream.Half h, TcpStream.Half rev, PacketInfo p, int frame,
                        long nanos, long dataRel, int len, boolean syn, int flags) {
        boolean ack = p.has(PacketInfo.ACK), fin = p.has(PacketInfo.FIN), rst = p.has(PacketInfo.RST);
        // As Wireshark's ts_first_rtt: the first segment with ACK and without SYN, in either
        // direction, after the most recent SYN (ts_mru_syn).
        if (!s.rttKnown && s.mruSynNanos != Long.MIN_VALUE && !syn && ack) {
            s.rttKnown = true;
            s.rttNanos = nanos - s.mruSynNanos;
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
                    long threshold = s.rttKnown && s.rttNanos != 0 ? s.rttNanos : OOO_THRESHOLD_NANOS;
                    boolean revAckKnown = rev.baseKnown && rev.lastAck >= 0;
                    // Unsigned as in packet-tcp.c (guint64): when time goes backwards the delta is huge.
                    if (len > 0 && revAckKnown && dataRel + len <= h.rel(rev.lastAck)) {
                        flags |= TcpAnalysisFlags.SPURIOUS_RETRANSMISSION | TcpAnalysisFlags.RETRANSMISSION;
                    } else if (rev.dupAcks >= 2 && revAckKnown && h.rel(rev.lastAck) == dataRel
                            && Long.compareUnsigned(sinceDupAck, 20_000_000L) < 0) {
                        flags |= TcpAnalysisFlags.FAST_RETRANSMISSION | TcpAnalysisFlags.RETRANSMISSION;
                    } else if (Long.compareUnsigned(sinceHighest, threshold) < 0
                            && h.maxEnd != dataRel + len + (fin ? 1 : 0)) {
                        flags |= TcpAnalysisFlags.OUT_OF_ORDER;
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
                // As Wireshark: a zero window or a keep-alive is never a duplicate ACK.
                if (p.window == h.lastWindow && p.window != 0 && (flags & TcpAnalysisFlags.KEEP_ALIVE) == 0) {
                    h.dupAcks = h.dupAcks < 0 ? 1 : h.dupAcks + 1; // -1 marked an ACKed unseen segment
                    flags |= TcpAnalysisFlags.DUPLICATE_ACK;
                    if (perFrame) table.setDupAck(frame, h.lastAckFrame, h.dupAcks);
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
        // ACKed unseen segment, as tshark 4.0 decides it: the ACK passes the end of the other side's
        // hole-free data, and is the first such ACK since that side last acknowledged something new
        // (its duplicate-ACK count, set to -1, is the marker); the end then moves to what was seen.
        if (ack && rev.baseKnown && rev.maxToBeAcked >= 0 && rev.rel(p.ack) > rev.maxToBeAcked) {
            // (tshark compares the raw 32-bit numbers here, so a wrapped sequence space also counts.)
            if (rev.seq32(rev.maxToBeAcked) > rev.seq32(rev.maxEnd) || rev.dupAcks == 0) flags |= TcpAnalysisFlags.ACKED_UNSEEN;
            rev.dupAcks = -1;
            rev.maxToBeAcked = rev.maxEnd;
        }
        long seqRel = dataRel - (syn ? 1 : 0);
        if ((h.maxToBeAcked < 0 || seqRel == h.maxToBeAcked) && (flags & TcpAnalysisFlags.ZERO_WINDOW_PROBE) == 0) {
            h.maxToBeAcked = h.maxEnd;
        }
        if (perFrame) table.set(frame, s.index(), flags);
        return flags;
    }

    /**
     * Delivers a segment that continues the stream, unless it acknowledges peer bytes not read yet
     * ({@code ackRel} ≥ 0) or earlier segments wait for theirs: then, like a segment behind a hole,
     * it waits in {@link TcpStream.Half#pending}.
     */
    private void deliverOrBuffer(TcpStream s, Direction d, TcpStream.Half h, PacketInfo p, int frame, long nanos,
                                 byte[] buf, int off, long dataRel, int len, long ackRel) {
        int cap = p.capturedPayloadLength;
        long end = dataRel + len;
        if (end <= h.nextRel) return; // all of it delivered before: a retransmission
        if (dataRel <= h.nextRel && ackRel < 0 && !nextWaits(h)) {
            int skip = (int) (h.nextRel - dataRel);
            deliverAndDrain(s, d, h, frame, nanos, buf, off + p.payloadOffset + skip, p.payloadOffset + skip,
                    Math.max(0, cap - skip), len - skip);
            return;
        }
        TcpStream.Pending old = h.pending.get(dataRel);
        if (old != null && old.wireLength() >= len) return;
        byte[] copy = Arrays.copyOfRange(buf, off + p.payloadOffset, off + p.payloadOffset + cap);
        if (old != null) h.pendingBytes -= old.data().length;
        h.pending.put(dataRel, new TcpStream.Pending(dataRel, copy, frame, p.payloadOffset, len, nanos, ackRel));
        h.pendingBytes += copy.length;
        // A later segment came while acknowledged bytes before it are still awaited: one tap keeps a
        // direction's order, so those bytes are lost, not late.
        if (s.held && dataRel > h.nextRel && h.ackedUnread > h.nextRel) endWait(s);
        if (h.pendingBytes > limits.maxOutOfOrderBytesPerStream()) {
            s.warning = "more than " + limits.maxOutOfOrderBytesPerStream()
                    + " bytes waited behind a hole; the hole was declared a gap";
            if (holesDeclared++ == 0) {
                firstHoleDeclaredFrame = frame;
                firstHoleDeclaredStream = s.index();
            }
            if (s.held) endWait(s);
            skipToFirstPending(s, d, h, frame);
        }
    }

    /** Delivers {@code present} captured bytes of a {@code wire}-byte segment; the rest (snaplen) is a gap. */
    private void deliver(TcpStream s, Direction d, TcpStream.Half h, int frame, long nanos, byte[] buf, int at, int offInFrame,
                         int present, int wire) {
        present = Math.min(present, wire);
        if (present > 0) {
            s.dataNanos = nanos;
            h.bytes += present;
            if (perFrame) h.spans.add(frame, offInFrame, present);
            listener(s).data(s, d, frame, buf, at, present);
        }
        if (wire > present) gap(s, d, h, wire - present, frame);
        h.nextRel += wire;
        h.nextSeq32 = (h.isn + h.nextRel) & MASK32;
    }

    private void gap(TcpStream s, Direction d, TcpStream.Half h, long length, int frame) {
        h.gapBytes += length;
        if (perFrame) h.spans.addGap(length);
        listener(s).gap(s, d, length, frame);
    }

    /** Delivers waiting segments that now continue the stream (and whose acknowledged peer bytes were read). */
    private void drain(TcpStream s, Direction d, TcpStream.Half h, int frame) {
        deliverAndDrain(s, d, h, frame, 0, null, 0, 0, 0, 0); // an empty segment first: delivers nothing
    }

    /**
     * Delivers a segment, then the waiting ones it lets continue, through one call of deliver: the
     * listener's path (FTP parsing, hashing) is compiled into the caller once, not once per kind of
     * segment. Then the other direction, if its next segment waited for these bytes.
     */
    private void deliverAndDrain(TcpStream s, Direction d, TcpStream.Half h, int frame, long nanos, byte[] buf, int at,
                                 int inFrame, int present, int wire) {
        while (true) {
            deliver(s, d, h, frame, nanos, buf, at, inFrame, present, wire);
            TcpStream.Pending pd = nextContinuing(h, s.half[1 - d.ordinal()]);
            if (pd == null) break;
            int skip = (int) (h.nextRel - pd.rel());
            frame = pd.frame();
            nanos = pd.nanos();
            buf = pd.data();
            at = Math.min(skip, buf.length);
            inFrame = pd.offsetInFrame() + skip;
            present = Math.max(0, buf.length - skip);
            wire = pd.wireLength() - skip;
        }
        consumeFin(h);
        if (nextWaits(h)) hold(s);
        if (!s.half[1 - d.ordinal()].pending.isEmpty() && s.held) drainBoth(s, frame);
    }

    /** Starts the wait of {@link #REORDER_WAIT_NANOS} for acknowledged bytes not read yet, unless it runs. */
    private void hold(TcpStream s) {
        if (!s.held) {
            if (waiting.size() >= MAX_WAITING) {
                // Bounded per frame: the oldest wait ends now (its bytes become a gap if they never came).
                if (waitsEndedEarly++ == 0) firstWaitEndedEarlyFrame = s.lastFrame;
                endWait(waiting.get(0));
            }
            s.held = true;
            s.holdNanos = s.lastTimeNanos;
            waiting.add(s);
        }
    }

    /**
     * Takes the first waiting segment if it continues the stream (starts at or before the next
     * byte, ends after it) and the peer bytes it acknowledges have been read, dropping those wholly
     * delivered before; null when none does.
     */
    private static TcpStream.Pending nextContinuing(TcpStream.Half h, TcpStream.Half peer) {
        while (!h.pending.isEmpty()) {
            TcpStream.Pending pd = h.pending.firstEntry().getValue();
            if (pd.rel() > h.nextRel) return null;
            if (pd.rel() + pd.wireLength() > h.nextRel && pd.ack() >= 0 && !readUpTo(peer, pd.ack())) return null;
            h.pending.pollFirstEntry();
            h.pendingBytes -= pd.data().length;
            if (pd.rel() + pd.wireLength() > h.nextRel) return pd;
        }
        return null;
    }

    /** Delivers what waited in either direction, in turn, until neither can go on. */
    private void drainBoth(TcpStream s, int frame) {
        boolean more = true;
        while (more) {
            more = false;
            for (Direction d : Direction.values()) {
                TcpStream.Half h = s.half[d.ordinal()];
                long before = h.nextRel;
                if (nextWaits(h)) drainOne(s, d, h, frame);
                more |= h.nextRel != before;
            }
        }
    }

    /** As {@link #drain}, without turning to the other direction (drainBoth does). */
    private void drainOne(TcpStream s, Direction d, TcpStream.Half h, int frame) {
        TcpStream.Pending pd;
        while ((pd = nextContinuing(h, s.half[1 - d.ordinal()])) != null) deliverPending(s, d, h, pd);
        consumeFin(h);
        if (nextWaits(h)) hold(s);
    }

    /** Whether a direction's bytes have been read up to {@code rel}, but for a FIN the capture did not hold. */
    private static boolean readUpTo(TcpStream.Half h, long rel) {
        return h.nextRel >= rel || h.nextRel + 1 == rel && h.pending.isEmpty() && h.finRel < 0;
    }

    /**
     * The peer acknowledged {@code o} up to {@code ackRel}, past what was read of it: those bytes may
     * still come a little later (two taps, a capture that reorders). They are awaited until a later
     * segment of {@code o} shows them lost, or {@link #REORDER_WAIT_NANOS} passes; then they are
     * declared a gap. (A data connection that opens meanwhile is claimed when the reply that announced
     * it is read: FtpAnalyzer.claimJustOpened.)
     */
    private void acknowledgedUnread(TcpStream s, TcpStream.Half o, long ackRel, int frame, long nanos) {
        if (ackRel > o.ackedUnread) {
            if (o.ackedUnread <= o.nextRel) o.ackedUnreadFrame = frame;
            o.ackedUnread = ackRel;
        }
        s.lastTimeNanos = nanos;
        hold(s);
        // Bytes of o after the hole came already: the hole's bytes are lost, not late.
        if (!o.pending.isEmpty() && o.pending.firstKey() > o.nextRel) endWait(s);
    }

    /**
     * Ends the waits of frames more than {@link #REORDER_WAIT_NANOS} away in time, later or earlier
     * (a reordered frame may carry an earlier time; a hostile capture's times may be anything).
     */
    private void endExpiredWaits(long nanos) {
        for (int i = waiting.size() - 1; i >= 0; i--) {
            TcpStream s = waiting.get(i);
            long d = nanos - s.holdNanos;
            boolean near = d <= REORDER_WAIT_NANOS && d >= -REORDER_WAIT_NANOS && (s.holdNanos <= nanos) == (d >= 0);
            if (!near) endWait(s);
        }
    }

    /**
     * The awaited bytes did not come: they crossed the network but not the capture point. Each is
     * declared a gap (at the frame that first acknowledged it) when the other direction's next
     * segment needs it read, so what the two sides sent is still read in the order they sent it.
     */
    private void endWait(TcpStream s) {
        while (true) {
            drainBoth(s, s.lastFrame);
            boolean progress = false;
            for (Direction d : Direction.values()) {
                TcpStream.Half h = s.half[d.ordinal()], o = s.half[1 - d.ordinal()];
                if (!nextWaits(h)) continue;
                long need = h.pending.firstEntry().getValue().ack(); // h's next segment waits for o's bytes
                if (fillHoles(s, d.opposite(), o, need)) {
                    progress = true;
                } else {
                    // o's bytes wait for h's (only a capture made up that way): h's segment goes first.
                    forceNext(s, d, h);
                    progress = true;
                }
                break;
            }
            if (progress) continue;
            for (Direction d : Direction.values()) {
                TcpStream.Half o = s.half[d.ordinal()];
                if (o.ackedUnread > o.nextRel && fillHoles(s, d, o, o.ackedUnread)) progress = true;
            }
            if (!progress) break;
        }
        for (TcpStream.Half h : s.half) h.ackedUnread = -1;
        if (s.held) {
            s.held = false;
            waiting.remove(s);
        }
        notifyIfClosed(s);
    }

    /** Declares the holes of {@code o} before {@code rel} gaps, one at a time; false when there was none. */
    private boolean fillHoles(TcpStream s, Direction od, TcpStream.Half o, long rel) {
        long holeEnd = rel;
        if (!o.pending.isEmpty()) holeEnd = Math.min(holeEnd, o.pending.firstKey());
        if (o.finRel >= 0) holeEnd = Math.min(holeEnd, o.finRel);
        if (holeEnd <= o.nextRel) return false;
        if (holeEnd - o.nextRel == 1 && o.pending.isEmpty() && o.finRel < 0) return false; // a FIN not captured
        gap(s, od, o, holeEnd - o.nextRel, o.ackedUnreadFrame > 0 ? o.ackedUnreadFrame : s.lastFrame);
        o.nextRel = holeEnd;
        o.nextSeq32 = (o.isn + o.nextRel) & MASK32;
        return true;
    }

    /** Delivers {@code h}'s next waiting segment without waiting for the peer bytes it acknowledges. */
    private void forceNext(TcpStream s, Direction d, TcpStream.Half h) {
        TcpStream.Pending pd = h.pending.pollFirstEntry().getValue();
        h.pendingBytes -= pd.data().length;
        if (pd.rel() + pd.wireLength() <= h.nextRel) return;
        deliverPending(s, d, h, pd);
        consumeFin(h);
    }

    /** Delivers the part of a waiting segment after what was read already. */
    private void deliverPending(TcpStream s, Direction d, TcpStream.Half h, TcpStream.Pending pd) {
        int skip = (int) (h.nextRel - pd.rel());
        byte[] b = pd.data();
        deliver(s, d, h, pd.frame(), pd.nanos(), b, Math.min(skip, b.length), pd.offsetInFrame() + skip,
                Math.max(0, b.length - skip), pd.wireLength() - skip);
    }

    /** Whether a waiting segment continues the stream (so it waits for the peer's bytes it acknowledges). */
    private static boolean nextWaits(TcpStream.Half h) {
        return !h.pending.isEmpty() && h.pending.firstKey() <= h.nextRel;
    }

    private void notifyIfClosed(TcpStream s) {
        if (s.ended() && !s.closedNotified && s.half[0].pending.isEmpty() && s.half[1].pending.isEmpty()) {
            s.closedNotified = true;
            listener(s).streamClosed(s);
        }
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
        drainBoth(s, frame);
        // Still waiting for the peer's bytes (the buffer is full, or the stream ends): no longer.
        if (nextWaits(h)) forceNext(s, d, h);
    }

    private void closeIfOpen(TcpStream s) {
        if (s.held) endWait(s);
        for (Direction d : Direction.values()) skipAll(s, d, s.half[d.ordinal()], s.lastFrame);
        if (!s.closedNotified) {
            s.closedNotified = true;
            listener(s).streamClosed(s);
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

    /** The exact copies of earlier frames found in the capture. */
    public org.ftpscope.capture.DuplicateFrames duplicates() { return duplicates; }

    /** TCP frames ignored because {@link TcpLimits#maxStreams()} streams were already tracked. */
    public int framesOverStreamLimit() { return framesOverStreamLimit; }

    /** The limits reassembly reached, as warnings for the user. */
    public java.util.List<org.ftpscope.capture.CaptureWarning> limitWarnings() {
        java.util.List<org.ftpscope.capture.CaptureWarning> out = new ArrayList<>();
        if (framesOverStreamLimit > 0) {
            out.add(org.ftpscope.capture.CaptureWarning.limit(org.ftpscope.capture.Limit.TCP_STREAMS,
                    firstFrameOverStreamLimit, framesOverStreamLimit + " TCP frames of connections past the limit were counted,"
                            + " not reassembled or analysed (" + limits.maxStreams() + " streams tracked)"));
        }
        if (holesDeclared > 0) {
            out.add(org.ftpscope.capture.CaptureWarning.limit(org.ftpscope.capture.Limit.OUT_OF_ORDER_BYTES, firstHoleDeclaredFrame,
                    holesDeclared + (holesDeclared == 1 ? " hole" : " holes") + " (the first in tcp.stream " + firstHoleDeclaredStream
                            + ") had more than " + limits.maxOutOfOrderBytesPerStream() + " bytes waiting behind it and was"
                            + " counted as missing bytes, not waited for; the bytes after it were reassembled"));
        }
        if (waitsEndedEarly > 0) {
            out.add(org.ftpscope.capture.CaptureWarning.limit(org.ftpscope.capture.Limit.REORDER_WAITS, firstWaitEndedEarlyFrame,
                    waitsEndedEarly + (waitsEndedEarly == 1 ? " connection" : " connections") + " stopped awaiting acknowledged"
                            + " bytes early because " + MAX_WAITING + " others awaited theirs: bytes that came later than that"
                            + " were counted as missing"));
        }
        return out;
    }
}
