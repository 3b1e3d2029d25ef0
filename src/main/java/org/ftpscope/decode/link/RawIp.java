package org.ftpscope.decode.link;

import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;

import java.util.List;

/** No link header: the frame is the IP packet, its version nibble says which IP. */
public final class RawIp implements LinkLayer {
    public static final RawIp RAW = new RawIp(101, "RAW");
    /** DLT_RAW as some BSDs write it; treated like {@link #RAW}. */
    public static final RawIp RAW_BSD_12 = new RawIp(12, "RAW");
    public static final RawIp RAW_BSD_14 = new RawIp(14, "RAW");
    public static final RawIp IPV4 = new RawIp(228, "IPV4");
    public static final RawIp IPV6 = new RawIp(229, "IPV6");

    private final int linkType;
    private final String name;

    private RawIp(int linkType, String name) {
        this.linkType = linkType;
        this.name = name;
    }

    @Override public int linkType() { return linkType; }

    @Override public String name() { return name; }

    @Override
    public int decode(byte[] buf, int off, int len, PacketInfo out) {
        if (len < 1) { out.malformed = "empty frame"; return -1; }
        int v = (buf[off] >> 4) & 0xF;
        out.etherType = v == 4 ? PacketDecoder.ETH_IPV4 : v == 6 ? PacketDecoder.ETH_IPV6 : 0;
        return 0;
    }

    @Override
    public void dissect(DetailNode.Builder root, byte[] frame, PacketInfo p, List<String> protocols) {
        protocols.add("raw");
    }
}
