package org.ftpscope.capture;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A sliding window of a file in one heap array, so the record parsers read with plain array
 * indexing and no per-record allocation. Works for files of any size.
 */
final class FileWindow {
    private static final int DEFAULT_SIZE = 4 << 20;

    private final FileChannel channel;
    private final long fileSize;
    /** A compressed capture inflated as the reader goes, or null for a plain file. */
    private final InflatingTempFile inflating;
    private byte[] buf = new byte[DEFAULT_SIZE];
    private long bufStart;
    private int bufLen;

    FileWindow(FileChannel channel) throws IOException { this(channel, null); }

    FileWindow(FileChannel channel, InflatingTempFile inflating) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
        this.inflating = inflating;
    }

    /** The file's size; while a compressed file is still being inflated, the bytes inflated so far. */
    long fileSize() { return inflating == null ? fileSize : inflating.size(); }

    /** Whether {@link #fileSize()} is final (always, except while a compressed file is inflated). */
    boolean sizeKnown() { return inflating == null || inflating.complete(); }

    /** True when the file has a byte at {@code pos} (inflating up to it if needed). */
    boolean more(long pos) throws IOException {
        if (inflating != null && pos >= inflating.size()) inflating.fillTo(pos + 1);
        return pos < fileSize();
    }

    byte[] array() { return buf; }

    /**
     * Makes file bytes {@code [pos, pos+n)} available in {@link #array()}.
     *
     * @return the array index of {@code pos}, or -1 when the file ends before {@code pos+n}
     */
    int ensure(long pos, int n) throws IOException {
        if (pos >= bufStart && pos + n <= bufStart + bufLen) {
            return (int) (pos - bufStart);
        }
        if (inflating != null && pos + n > inflating.size()) inflating.fillTo(pos + n);
        if (pos + n > fileSize()) {
            return -1;
        }
        if (n > buf.length) {
            buf = new byte[Math.max(n, buf.length * 2)];
        }
        // The size now, not when opened: mapping past the end of a file that another program
        // shortened fails, and touching such a mapping faults.
        int want = (int) Math.max(0, Math.min(buf.length, channel.size() - pos));
        if (want > 0) copyMapped(pos, want);
        bufStart = pos;
        bufLen = want;
        return bufLen >= n ? 0 : -1;
    }

    /**
     * Copies file bytes {@code [pos, pos+len)} into the window through a memory mapping, unmapped at
     * once: a positioned read would copy them twice (kernel to a direct buffer to the heap) on the
     * hottest thread of a filter pass (figures in docs/performance.md).
     */
    private void copyMapped(long pos, int len) throws IOException {
        MappedByteBuffer m = channel.map(FileChannel.MapMode.READ_ONLY, pos, len);
        try {
            m.get(0, buf, 0, len);
        } catch (InternalError e) {
            // SIGBUS: another program shortened the file after it was opened.
            throw new IOException("the file changed while being read (it is now shorter than " + (pos + len) + " bytes)", e);
        } finally {
            Unmapper.unmap(m);
        }
    }

    /** Unmaps a mapping now instead of when the collector finds it (a window every 4 MB). */
    private static final class Unmapper {
        private static final sun.misc.Unsafe UNSAFE = unsafe();

        private static sun.misc.Unsafe unsafe() {
            try {
                java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                return (sun.misc.Unsafe) f.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // left to the collector
            }
        }

        static void unmap(MappedByteBuffer m) {
            if (UNSAFE != null) UNSAFE.invokeCleaner(m);
        }
    }
}
