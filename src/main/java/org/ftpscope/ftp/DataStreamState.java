package org.ftpscope.ftp;

import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.TcpStream;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Byte counts and running SHA-256 of one data connection, per direction. */
final class DataStreamState {
    final DataChannelMatch match;
    final TcpStream tcp;
    private final MessageDigest[] digest = new MessageDigest[2];
    private final long[] bytes = new long[2];
    private final long[] gaps = new long[2];
    private final long[] truncated = new long[2];
    private final long[] firstNanos = {-1, -1};
    private final long[] lastNanos = {-1, -1};
    private final int[] firstFrame = new int[2];
    private final int[] lastFrame = new int[2];

    DataStreamState(DataChannelMatch match, TcpStream tcp) {
        this.match = match;
        this.tcp = tcp;
    }

    void data(Direction d, int frame, long nanos, byte[] buf, int off, int len) {
        int i = d.ordinal();
        if (digest[i] == null) digest[i] = sha256();
        digest[i].update(buf, off, len);
        bytes[i] += len;
        if (firstNanos[i] < 0) {
            firstNanos[i] = nanos;
            firstFrame[i] = frame;
        }
        lastNanos[i] = nanos;
        lastFrame[i] = frame;
    }

    void gap(Direction d, long length) { gaps[d.ordinal()] += length; }

    /** The capture's snapshot length cut a frame of this direction. */
    void markTruncated(Direction d) { truncated[d.ordinal()]++; }

    long bytes(Direction d) { return bytes[d.ordinal()]; }

    long gaps(Direction d) { return gaps[d.ordinal()]; }

    boolean truncated(Direction d) { return truncated[d.ordinal()] > 0; }

    long firstNanos(Direction d) { return firstNanos[d.ordinal()]; }

    long lastNanos(Direction d) { return lastNanos[d.ordinal()]; }

    int firstFrame(Direction d) { return firstFrame[d.ordinal()]; }

    int lastFrame(Direction d) { return lastFrame[d.ordinal()]; }

    /** Hex SHA-256 of what the direction carried (of nothing, when it carried nothing). */
    String sha256(Direction d) {
        MessageDigest md = digest[d.ordinal()];
        return HexFormat.of().formatHex((md == null ? sha256() : md).digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
