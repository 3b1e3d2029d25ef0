package org.ftpscope.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes frames into a pcapng file: one section, one interface per link type, nanosecond
 * timestamps (if_tsresol 9) so nothing of a nanosecond capture is lost. pcapng rather than pcap
 * because the frames of one capture point may come from interfaces of different link types.
 */
final class PcapngWriter implements AutoCloseable {
    private static final int SNAPLEN = 262144;
    private final OutputStream out;
    private final Map<Integer, Integer> interfaceOfLinkType = new HashMap<>();
    private long bytes;

    PcapngWriter(Path path) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        ByteBuffer shb = le(28);
        shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                .putLong(-1L).putInt(28);
        write(shb);
    }

    /** Appends one frame; {@code data[0..captured)} are its bytes. */
    void frame(int linkType, long timestampNanos, int originalLength, byte[] data, int captured) throws IOException {
        Integer iface = interfaceOfLinkType.get(linkType);
        if (iface == null) {
            iface = interfaceOfLinkType.size();
            interfaceOfLinkType.put(linkType, iface);
            ByteBuffer idb = le(32);
            idb.putInt(1).putInt(32).putShort((short) linkType).putShort((short) 0).putInt(SNAPLEN)
                    .putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]) // if_tsresol = 10^-9
                    .putShort((short) 0).putShort((short) 0) // opt_endofopt
                    .putInt(32);
            write(idb);
        }
        int padded = (captured + 3) & ~3;
        int len = 32 + padded;
        ByteBuffer head = le(28);
        head.putInt(6).putInt(len).putInt(iface).putInt((int) (timestampNanos >>> 32)).putInt((int) timestampNanos)
                .putInt(captured).putInt(originalLength);
        write(head);
        out.write(data, 0, captured);
        out.write(new byte[padded - captured]);
        ByteBuffer tail = le(4);
        tail.putInt(len);
        write(tail);
        bytes += padded;
    }

    /** Bytes written so far, headers included. */
    long bytes() { return bytes; }

    private static ByteBuffer le(int n) { return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN); }

    private void write(ByteBuffer b) throws IOException {
        out.write(b.array(), 0, b.position());
        bytes += b.position();
    }

    @Override
    public void close() throws IOException { out.close(); }
}
