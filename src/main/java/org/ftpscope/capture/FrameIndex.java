package org.ftpscope.capture;

import java.util.Arrays;

/**
 * Where each frame's bytes are in the file, in primitive arrays: 26 bytes of heap per frame,
 * so a million frames cost 26 MB and frame N's bytes are one positioned read away.
 * Frame numbers are 1-based, as in Wireshark. Appended to only by the reader.
 */
public final class FrameIndex {
    /*
     * In chunks instead of one growing array per field: growing by copying allocates (zeroes and
     * page-faults) several times the final size. A chunk of longs is 1 MiB with its array header,
     * large enough to be allocated outside the young generation, so collections never copy it.
     */
    private static final int CHUNK = ((1 << 20) - 16) / 8;

    private long[][] dataOffset = new long[16][];
    private long[][] timestampNanos = new long[16][];
    /** Captured length in the high half, original length in the low half. */
    private long[][] lengths = new long[16][];
    private short[][] interfaceId = new short[16][];
    private int size;
    /** Kept in a streaming pass too: a report's time span needs only these two. */
    private long firstTimestampNanos, lastTimestampNanos;
    private int[] linkTypeOfInterface = new int[0];
    private byte[] timePrecisionOfInterface = new byte[0];
    /** False for a streaming pass ({@link #countingOnly()}): frames are counted, nothing is kept. */
    private final boolean kept;

    FrameIndex() { this(true); }

    private FrameIndex(boolean kept) { this.kept = kept; }

    /**
     * An index that only counts: for a pass that needs no frame afterwards ({@code analyze}), so its
     * memory does not grow with the capture and {@link Limit#FRAMES} does not apply.
     */
    static FrameIndex countingOnly() { return new FrameIndex(false); }

    /** Whether frames can be looked up; false after a streaming pass. */
    public boolean kept() { return kept; }

    /** Whether another frame would pass the limit: FRAMES when kept, FRAME_NUMBERS otherwise. */
    boolean full() { return size >= (kept ? RecordParser.MAX_FRAMES : Limit.FRAME_NUMBERS.intValue()); }

    /** The limit {@link #full()} applies. */
    Limit limit() { return kept ? Limit.FRAMES : Limit.FRAME_NUMBERS; }

    void add(long offset, int capLen, int origLen, long tsNanos, int iface) {
        if (size == 0) firstTimestampNanos = tsNanos;
        lastTimestampNanos = tsNanos;
        if (!kept) {
            size++;
            return;
        }
        int c = size / CHUNK, i = size - c * CHUNK;
        if (i == 0) addChunk(c);
        dataOffset[c][i] = offset;
        lengths[c][i] = (long) capLen << 32 | (origLen & 0xFFFFFFFFL);
        timestampNanos[c][i] = tsNanos;
        interfaceId[c][i] = (short) iface;
        size++;
    }

    private void addChunk(int c) {
        if (c == dataOffset.length) {
            int n = c * 2;
            dataOffset = Arrays.copyOf(dataOffset, n);
            timestampNanos = Arrays.copyOf(timestampNanos, n);
            lengths = Arrays.copyOf(lengths, n);
            interfaceId = Arrays.copyOf(interfaceId, n);
        }
        dataOffset[c] = new long[CHUNK];
        timestampNanos[c] = new long[CHUNK];
        lengths[c] = new long[CHUNK];
        interfaceId[c] = new short[CHUNK];
    }

    /** Drops the growth slack once the file has been read: the index keeps 26 bytes per frame. */
    void trim() {
        if (!kept) return;
        int c = size / CHUNK, n = size - c * CHUNK;
        if (n == 0) return;
        dataOffset[c] = Arrays.copyOf(dataOffset[c], n);
        timestampNanos[c] = Arrays.copyOf(timestampNanos[c], n);
        lengths[c] = Arrays.copyOf(lengths[c], n);
        interfaceId[c] = Arrays.copyOf(interfaceId[c], n);
    }

    void setInterfaces(java.util.List<CaptureInterface> ifaces) {
        linkTypeOfInterface = ifaces.stream().mapToInt(CaptureInterface::linkType).toArray();
        timePrecisionOfInterface = new byte[ifaces.size()];
        for (int i = 0; i < ifaces.size(); i++) timePrecisionOfInterface[i] = (byte) ifaces.get(i).timePrecision();
    }

    /** Number of frames; valid frame numbers are 1..size(). */
    public int size() { return size; }

    /** The first frame's timestamp (0 when there is none); known after a streaming pass too. */
    public long firstTimestampNanos() { return firstTimestampNanos; }

    /** The last frame's timestamp (0 when there is none); known after a streaming pass too. */
    public long lastTimestampNanos() { return lastTimestampNanos; }

    public long dataOffset(int frame) {
        int i = check(frame);
        return dataOffset[i / CHUNK][i % CHUNK];
    }

    public int capturedLength(int frame) {
        int i = check(frame);
        return (int) (lengths[i / CHUNK][i % CHUNK] >>> 32);
    }

    public int originalLength(int frame) {
        int i = check(frame);
        return (int) lengths[i / CHUNK][i % CHUNK];
    }

    public long timestampNanos(int frame) {
        int i = check(frame);
        return timestampNanos[i / CHUNK][i % CHUNK];
    }

    public int interfaceId(int frame) {
        int i = check(frame);
        return interfaceId[i / CHUNK][i % CHUNK] & 0xFFFF;
    }

    public int linkType(int frame) { return linkTypeOfInterface[interfaceId(frame)]; }

    /**
     * The decimal digits of the frame's timestamp resolution (its interface's), which Wireshark's
     * default "automatic" Time precision shows: 6 for a microsecond pcap, 9 for a nanosecond one.
     */
    public int timePrecision(int frame) {
        int iface = interfaceId(frame);
        return iface < timePrecisionOfInterface.length ? timePrecisionOfInterface[iface] : 6;
    }

    /** Nanoseconds since the first frame, as Wireshark's default Time column. */
    public long relativeNanos(int frame) {
        return timestampNanos(frame) - timestampNanos(1);
    }

    /** Seconds since the first frame ({@link #relativeNanos} as a double, for filters). */
    public double relativeSeconds(int frame) {
        return relativeNanos(frame) / 1e9;
    }

    /** Bytes of heap held per frame by this index. */
    public static int bytesPerFrame() { return 8 + 8 + 4 + 4 + 2; }

    private int check(int frame) {
        if (!kept) throw new IllegalStateException("frame " + frame + ": this pass streamed the capture and kept no frame index");
        if (frame < 1 || frame > size) {
            throw new IndexOutOfBoundsException("frame " + frame + " not in 1.." + size);
        }
        return frame - 1;
    }
}
