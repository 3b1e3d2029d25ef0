package org.ftpscope.decode.link;

import org.ftpscope.decode.Bytes;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.fields.LinkFields;

import java.util.List;

/** Linux cooked capture v1 (LINKTYPE_LINUX_SLL, tcpdump -i any before libpcap 1.10). */
public final class LinuxSll implements LinkLayer {
    public static final int LINK_TYPE = 113;
    public static final int HEADER = 16;

    @Override public int linkType() { return LINK_TYPE; }

    @Override public String name() { return "LINUX_SLL"; }

    @Override
    public int decode(byte[] buf, int off, int len, PacketInfo out) {
        if (len < HEADER) { out.malformed = "Linux cooked header cut short"; return -1; }
        out.etherType = Bytes.uint16(buf, off + 14);
        return HEADER;
    }

    @Override
    public void dissect(DetailNode.Builder root, byte[] b, PacketInfo p, List<String> protocols) {
        if (b.length < HEADER) return;
        protocols.add(LinkFields.SLL.name());
        DetailNode.Builder s = root.add("Linux cooked capture v1", LinkFields.SLL, null, 0, HEADER);
        s.add("Packet type: " + packetType(Bytes.uint16(b, 0)) + " (" + Bytes.uint16(b, 0) + ")", LinkFields.SLL_PKTTYPE,
                Integer.toString(Bytes.uint16(b, 0)), 0, 2);
        s.add("Link-layer address type: " + Bytes.uint16(b, 2), LinkFields.SLL_HATYPE, Integer.toString(Bytes.uint16(b, 2)), 2, 2);
        int alen = Math.min(8, Bytes.uint16(b, 4));
        s.add("Link-layer address length: " + Bytes.uint16(b, 4), LinkFields.SLL_HALEN, Integer.toString(Bytes.uint16(b, 4)), 4, 2);
        s.add("Source: " + Bytes.hex(b, 6, alen, ':'), LinkFields.SLL_SRC, Bytes.hex(b, 6, alen, ':'), 6, alen);
        s.add(String.format("Protocol: %s (0x%04x)", EtherTypes.name(p.etherType), p.etherType), LinkFields.SLL_ETYPE,
                String.format("0x%04x", p.etherType), 14, 2);
    }

    /** The packet type of both cooked headers (v1: 16 bits, v2: 8 bits). */
    static String packetType(int t) {
        return switch (t) {
            case 0 -> "Unicast to us";
            case 1 -> "Broadcast";
            case 2 -> "Multicast";
            case 3 -> "Unicast to another host";
            case 4 -> "Sent by us";
            default -> "Unknown";
        };
    }
}
