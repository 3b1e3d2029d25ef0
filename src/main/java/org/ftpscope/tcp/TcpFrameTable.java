package org.ftpscope.tcp;

import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpFrameContext;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-frame TCP results in primitive arrays indexed by 1-based frame number. */
public final class TcpFrameTable {
    private int[] stream = new int[1024];
    private int[] flags = new int[1024];
    private int size;
    /** Duplicate ACKs are rare: {frame it duplicates, ordinal} by frame. */
    private final Map<Integer, int[]> dupAcks = new HashMap<>();
    private List<TcpStream> streams = List.of();

    void set(int frame, int streamIndex, int analysisFlags) {
        ensure(frame);
        stream[frame - 1] = streamIndex;
        flags[frame - 1] = analysisFlags;
        size = Math.max(size, frame);
    }

    void setDupAck(int frame, int of, int ordinal) { dupAcks.put(frame, new int[] {of, ordinal}); }

    void bind(List<TcpStream> all) { this.streams = all; }

    /** Drops the growth slack once every frame has been fed. */
    void trim() {
        if (stream.length == size) return;
        stream = Arrays.copyOf(stream, size);
        flags = Arrays.copyOf(flags, size);
    }

    private void ensure(int frame) {
        if (frame > stream.length) {
            int n = Math.max(frame, stream.length * 2);
            int old = stream.length;
            stream = Arrays.copyOf(stream, n);
            Arrays.fill(stream, old, n, -1);
            flags = Arrays.copyOf(flags, n);
        }
    }

    {
        Arrays.fill(stream, -1);
    }

    /** Without a SYN, Wireshark numbers the first byte seen 1, as if a SYN had come before it. */
    private static long base(TcpStream.Half h) { return h.synSeen ? h.isn : (h.isn - 1) & 0xFFFFFFFFL; }

    /** Frames recorded (the highest frame number fed). */
    public int size() { return size; }

    /** Wireshark's {@code tcp.stream} of the frame, or -1 when it is not TCP. */
    public int stream(int frame) { return frame >= 1 && frame <= size ? stream[frame - 1] : -1; }

    /** {@link org.ftpscope.decode.TcpAnalysisFlags} bits of the frame. */
    public int analysisFlags(int frame) { return frame >= 1 && frame <= size ? flags[frame - 1] : 0; }

    /** What the summary and detail tree need to show the frame as Wireshark does. */
    public TcpFrameContext context(int frame, PacketInfo p) {
        int idx = stream(frame);
        if (idx < 0 || idx >= streams.size() || !p.tcp) return TcpFrameContext.UNKNOWN;
        TcpStream s = streams.get(idx);
        boolean fromClient = p.srcPort == s.client.port() && p.src().equals(s.client.ip())
                && !(s.client.equals(s.server));
        TcpStream.Half own = s.half[fromClient ? 0 : 1];
        TcpStream.Half other = s.half[fromClient ? 1 : 0];
        int shift = own.wsOffered && other.wsOffered ? own.windowShift : -1;
        int[] dup = dupAcks.get(frame);
        return new TcpFrameContext(idx, own.baseKnown ? base(own) : p.seq, other.baseKnown ? base(other) : -1, shift,
                analysisFlags(frame), dup == null ? 0 : dup[0], dup == null ? 0 : dup[1]);
    }
}
