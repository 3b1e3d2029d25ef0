package org.ftpscope.capture;

import java.util.Arrays;

/**
 * Where each frame's bytes are in the file, in primitive arrays: 26 bytes of heap per frame,
 * so a million frames cost 26 MB and frame N's bytes are one positioned read away.
 * Frame numbers are 1-based, as in Wireshark. Appended to only by the reader.
 */
public final class FrameIndex {
    private long[] dataOffset = new long[1024];
    private long[] timestampNanos = new long[1024];
    private int[] capturedLength = new int[1024];
    private int[] originalLength = new int[1024];
    private short[] interfaceId = new short[1024];
    private int size;
    private int[] linkTypeOfInterface = new int[0];

    void add(long offset, int capLen, int origLen, long tsNanos, int iface) {
        if (size == dataOffset.length) {
            int n = size + (size >> 1);
            dataOffset = Arrays.copyOf(dataOffset, n);
            timestampNanos = Arrays.copyOf(timestampNanos, n);
            capturedLength = Arrays.copyOf(capturedLength, n);
            originalLength = Arrays.copyOf(originalLength, n);
            interfaceId = Arrays.copyOf(interfaceId, n);
        }
        dataOffset[size] = offset;
        capturedLength[size] = capLen;
        originalLength[size] = origLen;
        timestampNanos[size] = tsNanos;
        interfaceId[size] = (short) iface;
        size++;
    }

    /** Drops the growth slack once the file has been read: the index keeps exactly 26 bytes per frame. */
    void trim() {
        if (dataOffset.length == size) return;
        dataOffset = Arrays.copyOf(dataOffset, size);
        timestampNanos = Arrays.copyOf(timestampNanos, size);
        capturedLength = Arrays.copyOf(capturedLength, size);
        originalLength = Arrays.copyOf(originalLength, size);
        interfaceId = Arrays.copyOf(interfaceId, size);
    }

    void setLinkTypes(int[] linkTypes) { this.linkTypeOfInterface = linkTypes.clone(); }

    /** Number of frames; valid frame numbers are 1..size(). */
    public int size() { return size; }

    public long dataOffset(int frame) { return dataOffset[check(frame)]; }

    public int capturedLength(int frame) { return capturedLength[check(frame)]; }

    public int originalLength(int frame) { return originalLength[check(frame)]; }

    public long timestampNanos(int frame) { return timestampNanos[check(frame)]; }

    public int interfaceId(int frame) { return interfaceId[check(frame)] & 0xFFFF; }

    public int linkType(int frame) { return linkTypeOfInterface[interfaceId(frame)]; }

    /** Seconds since the first frame, as Wireshark's default Time column. */
    public double relativeSeconds(int frame) {
        return (timestampNanos(frame) - timestampNanos[0]) / 1e9;
    }

    /** Bytes of heap held per frame by this index. */
    public static int bytesPerFrame() { return 8 + 8 + 4 + 4 + 2; }

    private int check(int frame) {
        if (frame < 1 || frame > size) {
            throw new IndexOutOfBoundsException("frame " + frame + " not in 1.." + size);
        }
        return frame - 1;
    }
}
