package org.ftpscope.decode.link;

import org.ftpscope.decode.Bytes;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.fields.LinkFields;

import java.util.List;

/**
 * BSD loopback: a 4-byte address family before the IP packet. LINKTYPE_NULL writes it in the
 * capturing host's byte order, LINKTYPE_LOOP in network order.
 */
public final class Loopback implements LinkLayer {
    public static final Loopback NULL = new Loopback(0, "NULL", false);
    public static final Loopback LOOP = new Loopback(108, "LOOP", true);
    public static final int HEADER = 4;
    private static final int AF_INET = 2;

    private final int linkType;
    private final String name;
    private final boolean networkOrder;

    private Loopback(int linkType, String name, boolean networkOrder) {
        this.linkType = linkType;
        this.name = name;
        this.networkOrder = networkOrder;
    }

    @Override public int linkType() { return linkType; }

    @Override public String name() { return name; }

    @Override
    public int decode(byte[] buf, int off, int len, PacketInfo out) {
        if (len < HEADER) { out.malformed = "loopback header cut short"; return -1; }
        int be = Bytes.int32(buf, off);
        int le = Integer.reverseBytes(be);
        // Host order unknown: a little-endian family is a small number read that way.
        int family = networkOrder ? be : (le >= 0 && le < 256 ? le : be);
        out.etherType = family == AF_INET ? PacketDecoder.ETH_IPV4 : isInet6(family) ? PacketDecoder.ETH_IPV6 : 0;
        return HEADER;
    }

    /** AF_INET6 of Linux (10), NetBSD/OpenBSD (24), FreeBSD (28) and macOS (30). */
    private static boolean isInet6(int family) {
        return family == 10 || family == 24 || family == 28 || family == 30;
    }

    @Override
    public void dissect(DetailNode.Builder root, byte[] b, PacketInfo p, List<String> protocols) {
        protocols.add(LinkFields.NULL.name());
        DetailNode.Builder s = root.add("Null/Loopback", LinkFields.NULL, null, 0, HEADER);
        s.add("Family: " + (p.etherType == PacketDecoder.ETH_IPV4 ? "IP" : p.etherType == PacketDecoder.ETH_IPV6
                ? "IPv6" : "unknown"), LinkFields.NULL_FAMILY, null, 0, HEADER);
    }
}
