package org.ftpscope.tcp;

import org.ftpscope.capture.CaptureFile;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One direction's reassembled bytes as references into the capture — (frame, offset in frame,
 * length) in stream order, plus gaps — not a copy: 12 bytes per segment.
 */
public final class StreamSpans {
    private int[] frame = new int[8];
    private int[] offset = new int[8];
    private int[] length = new int[8];
    private int size;
    private long totalBytes;
    private long gapBytes;

    void add(int fr, int off, int len) {
        if (len <= 0) return;
        // Consecutive bytes of one frame (a segment delivered in two pieces) stay one span.
        if (size > 0 && frame[size - 1] == fr && offset[size - 1] + length[size - 1] == off) {
            length[size - 1] += len;
        } else {
            append(fr, off, len);
        }
        totalBytes += len;
    }

    /** Drops the growth slack once the stream is complete. */
    void trim() {
        if (frame.length == size) return;
        frame = Arrays.copyOf(frame, size);
        offset = Arrays.copyOf(offset, size);
        length = Arrays.copyOf(length, size);
    }

    void addGap(long len) {
        gapBytes += len;
        while (len > 0) {
            int piece = (int) Math.min(len, Integer.MAX_VALUE);
            append(-1, 0, piece);
            len -= piece;
        }
    }

    private void append(int fr, int off, int len) {
        if (size == frame.length) {
            int n = size * 2;
            frame = Arrays.copyOf(frame, n);
            offset = Arrays.copyOf(offset, n);
            length = Arrays.copyOf(length, n);
        }
        frame[size] = fr;
        offset[size] = off;
        length[size] = len;
        size++;
    }

    public int size() { return size; }

    /** The frame holding span {@code i}, or -1 for a gap. */
    public int frame(int i) { return frame[i]; }

    public int offsetInFrame(int i) { return offset[i]; }

    public int length(int i) { return length[i]; }

    public boolean isGap(int i) { return frame[i] < 0; }

    /** Bytes present in the capture. */
    public long totalBytes() { return totalBytes; }

    /** Bytes missing from the capture. */
    public long gapBytes() { return gapBytes; }

    /**
     * Writes the present bytes, read from the capture, to {@code out}.
     *
     * @return the gaps as {stream offset, length} pairs
     */
    public List<long[]> writeTo(CaptureFile capture, OutputStream out) throws IOException {
        List<long[]> gaps = new ArrayList<>();
        byte[] buf = new byte[65536 * 4];
        long streamOffset = 0;
        for (int i = 0; i < size; i++) {
            if (frame[i] < 0) {
                gaps.add(new long[] {streamOffset, length[i]});
            } else {
                int cap = capture.index().capturedLength(frame[i]);
                if (buf.length < cap) buf = new byte[cap];
                capture.readFrame(frame[i], buf, 0);
                out.write(buf, offset[i], length[i]);
            }
            streamOffset += length[i];
        }
        return gaps;
    }
}
