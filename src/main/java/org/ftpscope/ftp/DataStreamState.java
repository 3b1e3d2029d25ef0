package org.ftpscope.ftp;

import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;


/** Byte counts and running SHA-256 of one data connection, per direction. */
final class DataStreamState {
    final DataChannelMatch match;
    final TcpStream tcp;
    private final DigestPipeline digests;
    private final int[] digest = {-1, -1};
    private final String[] hex = new String[2];
    private final long[] bytes = new long[2];
    private final long[] gaps = new long[2];
    private final long[] truncated = new long[2];
    private final long[] firstNanos = {-1, -1};
    private final long[] lastNanos = {-1, -1};
    private final int[] firstFrame = new int[2];
    private final int[] lastFrame = new int[2];
    private final int[] firstGapFrame = new int[2];

    DataStreamState(DataChannelMatch match, TcpStream tcp, DigestPipeline digests) {
        this.match = match;
        this.tcp = tcp;
        this.digests = digests;
    }

    void data(Direction d, int frame, long nanos, byte[] buf, int off, int len) {
        int i = d.ordinal();
        if (digest[i] < 0) digest[i] = digests.newDigest();
        digests.update(digest[i], buf, off, len);
        bytes[i] += len;
        if (firstNanos[i] < 0) {
            firstNanos[i] = nanos;
            firstFrame[i] = frame;
        }
        lastNanos[i] = nanos;
        lastFrame[i] = frame;
    }

    void gap(Direction d, long length, int frame) {
        if (gaps[d.ordinal()] == 0) firstGapFrame[d.ordinal()] = frame;
        gaps[d.ordinal()] += length;
    }

    /** The frame at which the first hole of a direction was noticed, 0 when none. */
    int firstGapFrame(Direction d) { return firstGapFrame[d.ordinal()]; }

    /** The capture's snapshot length cut a frame of this direction. */
    void markTruncated(Direction d) { truncated[d.ordinal()]++; }

    long bytes(Direction d) { return bytes[d.ordinal()]; }

    long gaps(Direction d) { return gaps[d.ordinal()]; }

    boolean truncated(Direction d) { return truncated[d.ordinal()] > 0; }

    long firstNanos(Direction d) { return firstNanos[d.ordinal()]; }

    long lastNanos(Direction d) { return lastNanos[d.ordinal()]; }

    int firstFrame(Direction d) { return firstFrame[d.ordinal()]; }

    int lastFrame(Direction d) { return lastFrame[d.ordinal()]; }

    /** Hex SHA-256 of what the direction carried (of nothing, when it carried nothing); after the pass. */
    String sha256(Direction d) {
        int i = d.ordinal();
        if (hex[i] == null) {
            if (digest[i] < 0) digest[i] = digests.newDigest();
            hex[i] = digests.hex(digest[i]);
        }
        return hex[i];
    }
}
