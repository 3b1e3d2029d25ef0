package org.ftpscope.decode.link;

import org.ftpscope.decode.Bytes;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.fields.LinkFields;

import java.util.List;

/** Linux cooked capture v2 (LINKTYPE_LINUX_SLL2, tcpdump -i any since libpcap 1.10). */
public final class LinuxSll2 implements LinkLayer {
    public static final int LINK_TYPE = 276;
    public static final int HEADER = 20;

    @Override public int linkType() { return LINK_TYPE; }

    @Override public String name() { return "LINUX_SLL2"; }

    @Override
    public int decode(byte[] buf, int off, int len, PacketInfo out) {
        if (len < HEADER) { out.malformed = "Linux cooked v2 header cut short"; return -1; }
        out.etherType = Bytes.uint16(buf, off);
        return HEADER;
    }

    @Override
    public void dissect(DetailNode.Builder root, byte[] b, PacketInfo p, List<String> protocols) {
        if (b.length < HEADER) return;
        protocols.add(LinkFields.SLL.name());
        DetailNode.Builder s = root.add("Linux cooked capture v2", LinkFields.SLL, null, 0, HEADER);
        s.add(String.format("Protocol: %s (0x%04x)", EtherTypes.name(p.etherType), p.etherType), LinkFields.SLL_ETYPE,
                String.format("0x%04x", p.etherType), 0, 2);
        s.add("Reserved: 0", LinkFields.SLL_RESERVED, null, 2, 2);
        s.add("Interface index: " + Bytes.int32(b, 4), LinkFields.SLL_IFINDEX, Integer.toString(Bytes.int32(b, 4)), 4, 4);
        s.add("Link-layer address type: " + Bytes.uint16(b, 8), LinkFields.SLL_HATYPE, Integer.toString(Bytes.uint16(b, 8)), 8, 2);
        s.add("Packet type: " + LinuxSll.packetType(b[10] & 0xFF) + " (" + (b[10] & 0xFF) + ")", LinkFields.SLL_PKTTYPE,
                Integer.toString(b[10] & 0xFF), 10, 1);
        int alen = Math.min(8, b[11] & 0xFF);
        s.add("Link-layer address length: " + (b[11] & 0xFF), LinkFields.SLL_HALEN, Integer.toString(b[11] & 0xFF), 11, 1);
        s.add("Source: " + Bytes.hex(b, 12, alen, ':'), LinkFields.SLL_SRC, Bytes.hex(b, 12, alen, ':'), 12, alen);
    }
}
