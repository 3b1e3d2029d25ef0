package org.ftpscope.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A sliding window of a file in one heap array, so the record parsers read with plain array
 * indexing and no per-record allocation. Works for files of any size.
 */
final class FileWindow {
    private static final int DEFAULT_SIZE = 4 << 20;

    private final FileChannel channel;
    private final long fileSize;
    private byte[] buf = new byte[DEFAULT_SIZE];
    private long bufStart;
    private int bufLen;

    FileWindow(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    long fileSize() { return fileSize; }

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
        if (pos + n > fileSize) {
            return -1;
        }
        if (n > buf.length) {
            buf = new byte[Math.max(n, buf.length * 2)];
        }
        ByteBuffer bb = ByteBuffer.wrap(buf);
        int want = (int) Math.min(buf.length, fileSize - pos);
        bb.limit(want);
        long p = pos;
        while (bb.hasRemaining()) {
            int r = channel.read(bb, p);
            if (r < 0) break;
            p += r;
        }
        bufStart = pos;
        bufLen = bb.position();
        return bufLen >= n ? 0 : -1;
    }
}
