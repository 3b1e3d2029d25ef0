package org.ftpscope.tcp;

import org.ftpscope.capture.CaptureFile;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One direction's reassembled bytes as references into the capture — (frame, offset in frame,
 * length) in stream order, plus gaps — not a copy: 12 bytes per segment, kept in a {@link SpanPool}.
 */
public final class StreamSpans {
    private final SpanPool pool;
    /** This stream direction's pages in the pool, in stream order. */
    private int[] pages = new int[0];
    private int size;
    private long totalBytes;
    private long gapBytes;

    StreamSpans(SpanPool pool) { this.pool = pool; }

    void add(int fr, int off, int len) {
        if (len <= 0) return;
        totalBytes += len;
        // Consecutive bytes of one frame (a segment delivered in two pieces) stay one span.
        if (size > 0) {
            int i = size - 1, page = pages[i >>> SpanPool.PAGE_SHIFT];
            int[] c = pool.chunk(page);
            int at = pool.at(page, i & (SpanPool.PAGE_SPANS - 1));
            if (c[at] == fr && c[at + 1] + c[at + 2] == off) {
                c[at + 2] += len;
                return;
            }
        }
        append(fr, off, len);
    }

    /** Drops the growth slack of the page list once the stream is complete. */
    void trim() {
        int used = (size + SpanPool.PAGE_SPANS - 1) >>> SpanPool.PAGE_SHIFT;
        if (pages.length != used) pages = Arrays.copyOf(pages, used);
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
        int p = size >>> SpanPool.PAGE_SHIFT, i = size & (SpanPool.PAGE_SPANS - 1);
        if (i == 0) {
            if (p == pages.length) pages = Arrays.copyOf(pages, Math.max(4, p * 2));
            pages[p] = pool.newPage();
        }
        int page = pages[p];
        int[] c = pool.chunk(page);
        int at = pool.at(page, i);
        c[at] = fr;
        c[at + 1] = off;
        c[at + 2] = len;
        size++;
    }

    private int field(int i, int field) {
        int page = pages[i >>> SpanPool.PAGE_SHIFT];
        return pool.chunk(page)[pool.at(page, i & (SpanPool.PAGE_SPANS - 1)) + field];
    }

    public int size() { return size; }

    /** The frame holding span {@code i}, or -1 for a gap. */
    public int frame(int i) { return field(i, 0); }

    public int offsetInFrame(int i) { return field(i, 1); }

    public int length(int i) { return field(i, 2); }

    public boolean isGap(int i) { return frame(i) < 0; }

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
        return writeTo(capture, out, (o, len) -> {});
    }

    /** What to write in place of a hole of {@code length} bytes (nothing, zeros…). */
    @FunctionalInterface
    public interface Hole {
        void write(OutputStream out, long length) throws IOException;
    }

    /**
     * As {@link #writeTo(CaptureFile, OutputStream)}, {@code hole} writing what stands for each gap.
     *
     * @return the gaps as {stream offset, length} pairs
     */
    public List<long[]> writeTo(CaptureFile capture, OutputStream out, Hole hole) throws IOException {
        List<long[]> gaps = new ArrayList<>();
        byte[] buf = new byte[65536 * 4];
        long streamOffset = 0;
        for (int i = 0; i < size; i++) {
            int fr = frame(i), len = length(i);
            if (fr < 0) {
                gaps.add(new long[] {streamOffset, len});
                hole.write(out, len);
            } else {
                int cap = capture.index().capturedLength(fr);
                if (buf.length < cap) buf = new byte[cap];
                capture.readFrame(fr, buf, 0);
                out.write(buf, offsetInFrame(i), len);
            }
            streamOffset += len;
        }
        return gaps;
    }
}
