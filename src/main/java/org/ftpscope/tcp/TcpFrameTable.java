package org.ftpscope.tcp;

import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpFrameContext;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-frame TCP results in primitive arrays indexed by 1-based frame number. */
public final class TcpFrameTable {
    // In 1 MiB chunks, as FrameIndex (no copying while growing, none by the collector either).
    // Per frame: the stream index + 1 (0: none) in the high half, the analysis flags in the low half.
    private static final int CHUNK = ((1 << 20) - 16) / 8;
    private long[][] chunks = new long[16][];
    private int size;
    /** Duplicate ACKs are rare: {frame it duplicates, ordinal} by frame. */
    private final Map<Integer, int[]> dupAcks = new HashMap<>();
    private List<TcpStream> streams = List.of();
    private org.ftpscope.capture.DuplicateFrames duplicates;

    void set(int frame, int streamIndex, int analysisFlags) {
        int i = frame - 1, c = i / CHUNK;
        if (c >= chunks.length || chunks[c] == null) addChunk(c);
        chunks[c][i - c * CHUNK] = (long) (streamIndex + 1) << 32 | (analysisFlags & 0xFFFFFFFFL);
        size = Math.max(size, frame);
    }

    void setDupAck(int frame, int of, int ordinal) { dupAcks.put(frame, new int[] {of, ordinal}); }

    void bind(List<TcpStream> all, org.ftpscope.capture.DuplicateFrames copies) {
        this.streams = all;
        this.duplicates = copies;
    }

    /** Drops the growth slack once every frame has been fed. */
    void trim() {
        int c = size / CHUNK, n = size - c * CHUNK;
        if (n == 0 || c >= chunks.length || chunks[c] == null) return;
        chunks[c] = Arrays.copyOf(chunks[c], n);
    }

    private void addChunk(int c) {
        if (c >= chunks.length) chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
        chunks[c] = new long[CHUNK];
    }

    /** Without a SYN, Wireshark numbers the first byte seen 1, as if a SYN had come before it. */
    private static long base(TcpStream.Half h) {
        if (h.wsBase >= 0) return h.wsBase;
        return h.synSeen ? h.isn : (h.isn - 1) & 0xFFFFFFFFL;
    }

    /** Frames that are exact copies of an earlier frame. */
    public int copies() { return duplicates == null ? 0 : duplicates.count(); }

    /** The earlier frame that {@code frame} is an exact copy of, or 0. */
    public int copyOf(int frame) { return duplicates == null ? 0 : duplicates.originalOf(frame); }

    /** Frames recorded (the highest frame number fed). */
    public int size() { return size; }

    /** Wireshark's {@code tcp.stream} of the frame, or -1 when it is not TCP. */
    public int stream(int frame) {
        if (frame < 1 || frame > size) return -1;
        long[] chunk = chunks[(frame - 1) / CHUNK];
        return chunk == null ? -1 : (int) (chunk[(frame - 1) % CHUNK] >>> 32) - 1;
    }

    /** {@link org.ftpscope.decode.TcpAnalysisFlags} bits of the frame. */
    public int analysisFlags(int frame) {
        if (frame < 1 || frame > size) return 0;
        long[] chunk = chunks[(frame - 1) / CHUNK];
        return chunk == null ? 0 : (int) chunk[(frame - 1) % CHUNK];
    }

    /** What the summary and detail tree need to show the frame as Wireshark does. */
    public TcpFrameContext context(int frame, PacketInfo p) {
        int idx = stream(frame);
        if (idx < 0 || idx >= streams.size() || !p.tcp) return TcpFrameContext.copyOf(copyOf(frame));
        TcpStream s = streams.get(idx);
        boolean fromClient = p.srcPort == s.client.port() && p.src().equals(s.client.ip())
                && !(s.client.equals(s.server));
        TcpStream.Half own = s.half[fromClient ? 0 : 1];
        TcpStream.Half other = s.half[fromClient ? 1 : 0];
        int shift = own.wsOffered && other.wsOffered ? own.windowShift : -1;
        int[] dup = dupAcks.get(frame);
        return new TcpFrameContext(idx, own.baseKnown || own.wsBase >= 0 ? base(own) : p.seq,
                other.baseKnown || other.wsBase >= 0 ? base(other) : -1, shift,
                analysisFlags(frame), dup == null ? 0 : dup[0], dup == null ? 0 : dup[1], copyOf(frame));
    }
}
