package org.ftpscope.decode.link;

import org.ftpscope.decode.Bytes;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.fields.LinkFields;
import org.pcap4j.packet.EthernetPacket;

import java.util.List;

/** Ethernet II (LINKTYPE_ETHERNET), with its 802.1Q / 802.1ad VLAN tags. */
public final class Ethernet implements LinkLayer {
    public static final int LINK_TYPE = 1;
    public static final int HEADER = 14, VLAN_TAG = 4;

    @Override public int linkType() { return LINK_TYPE; }

    @Override public String name() { return "EN10MB"; }

    @Override
    public int decode(byte[] buf, int off, int len, PacketInfo out) {
        if (len < HEADER) { out.malformed = "Ethernet header cut short"; out.cut(PacketInfo.CUT_LINK, 0); return -1; }
        int end = off + len;
        int type = Bytes.uint16(buf, off + 12);
        int p = off + HEADER;
        while (isVlan(type) && p + VLAN_TAG <= end) {
            if (out.vlanTags == PacketDecoder.MAX_LAYERS) {
                out.malformed = PacketDecoder.tooDeep("VLAN tags", p - off, end - p);
                return -1;
            }
            out.vlanTags++;
            type = Bytes.uint16(buf, p + 2);
            p += VLAN_TAG;
        }
        if (isVlan(type)) out.cut(PacketInfo.CUT_VLAN, p - off); // a tag the frame ends inside
        out.etherType = type;
        return p - off;
    }

    private static boolean isVlan(int type) {
        return type == PacketDecoder.ETH_VLAN || type == PacketDecoder.ETH_QINQ || type == PacketDecoder.ETH_QINQ_OLD;
    }

    @Override
    public void dissect(DetailNode.Builder root, byte[] b, PacketInfo p, List<String> protocols) {
        if (b.length < HEADER) return;
        protocols.add(LinkFields.ETHERNET.name());
        String src = mac(b, 6), dst = mac(b, 0);
        try {
            // pcap4j is given headers only: it decodes a payload chain by recursion, and
            // 3,000 VLAN tags or IPv6 extension headers overflow the stack.
            EthernetPacket eth = EthernetPacket.newPacket(b, 0, HEADER);
            src = eth.getHeader().getSrcAddr().toString();
            dst = eth.getHeader().getDstAddr().toString();
        } catch (Exception ignored) {
            // pcap4j refuses some frames (e.g. short ones); the bytes still give the addresses.
        }
        int hdr = HEADER + VLAN_TAG * p.vlanTags;
        DetailNode.Builder e = root.add("Ethernet II, Src: " + src + ", Dst: " + dst, LinkFields.ETHERNET, null, 0, HEADER);
        e.add("Destination: " + dst, LinkFields.ETH_DST, dst, 0, 6);
        e.add("Source: " + src, LinkFields.ETH_SRC, src, 6, 6);
        int type = Bytes.uint16(b, 12);
        e.add("Type: " + EtherTypes.name(type) + String.format(" (0x%04x)", type), LinkFields.ETH_TYPE,
                String.format("0x%04x", type), 12, 2);
        for (int i = 0, o = HEADER; i < p.vlanTags && o + VLAN_TAG <= b.length; i++, o += VLAN_TAG) {
            protocols.add(LinkFields.VLAN.name());
            int tci = Bytes.uint16(b, o), next = Bytes.uint16(b, o + 2);
            DetailNode.Builder v = root.add("802.1Q Virtual LAN, PRI: " + (tci >> 13) + ", DEI: " + ((tci >> 12) & 1)
                    + ", ID: " + (tci & 0xFFF), LinkFields.VLAN, null, o, VLAN_TAG); // the tag; the EtherType before it is the layer below's
            v.add("Priority: " + (tci >> 13), LinkFields.VLAN_PRIORITY, Integer.toString(tci >> 13), o, 2);
            v.add("ID: " + (tci & 0xFFF), LinkFields.VLAN_ID, Integer.toString(tci & 0xFFF), o, 2);
            v.add("Type: " + EtherTypes.name(next) + String.format(" (0x%04x)", next), LinkFields.VLAN_ETYPE,
                    String.format("0x%04x", next), o + 2, 2);
        }
        protocols.add("ethertype");
        if (hdr > b.length) root.addText("[Malformed Packet: VLAN tags cut short]");
    }

    @Override
    public String address(byte[] frame, boolean source) {
        // As Wireshark, an address the snap length cut is not shown, the other one is.
        return frame.length >= (source ? 12 : 6) ? mac(frame, source ? 6 : 0) : "";
    }

    @Override
    public boolean groupAddressed(byte[] frame) { return frame.length > 0 && (frame[0] & 1) != 0; }

    /** A MAC address as Wireshark writes it ({@code Broadcast} for ff:ff:ff:ff:ff:ff). */
    static String mac(byte[] b, int off) {
        boolean broadcast = true;
        for (int i = 0; i < 6; i++) broadcast &= (b[off + i] & 0xFF) == 0xFF;
        return broadcast ? "Broadcast" : Bytes.hex(b, off, 6, ':');
    }
}
