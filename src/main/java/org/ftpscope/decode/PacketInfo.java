package org.ftpscope.decode;

/**
 * The fields one analysis pass needs from a frame, filled in place by {@link PacketDecoder}
 * so that the fast path allocates nothing per frame. Offsets are relative to the frame's first
 * byte. A flyweight: copy what you keep, the next decode overwrites it.
 */
public final class PacketInfo {
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20,
            ECE = 0x40, CWR = 0x80, NS = 0x100;

    public int linkType;
    /** Ethertype of the network layer (0x0800, 0x86DD, 0x0806 …), 0 when unknown. */
    public int etherType;
    public int vlanTags;
    /** Bytes of link header before the network layer (Ethernet: 14 and 4 per VLAN tag); 0 when none was read. */
    public int linkHeaderLength;
    /** 4, 6, or 0 when the frame carries no IP. */
    public int ipVersion;
    public int ipOffset;
    public int ipHeaderLength;
    /** Total IP length claimed by the header (IPv6: 40 + payload length). */
    public int ipTotalLength;
    public boolean ipFragment;
    public int ipProtocol;
    public int ttl;
    public long srcHi, srcLo, dstHi, dstLo;

    public boolean tcp;
    public int tcpOffset;
    public int tcpHeaderLength;
    public int srcPort, dstPort;
    public long seq, ack;
    public int flags;
    public int window;
    /** TCP options seen; -1 when absent. */
    public int mss, windowScale;
    public boolean sackPermitted;
    public long tsVal, tsEcr;
    public boolean hasTimestamps;
    public int sackBlocks;

    public boolean udp;
    public int payloadOffset;
    /** Payload bytes the IP header says were sent. */
    public int payloadLength;
    /** Payload bytes actually present in the capture (less when the snaplen cut the frame). */
    public int capturedPayloadLength;
    /** Non-null when a header is inconsistent; decoding stopped at that layer. */
    public String malformed;
    /**
     * The header that runs past the captured bytes ({@link #CUT_LINK}, {@link #CUT_IPV4}, {@link #CUT_IPV6},
     * {@link #CUT_TCP}, {@link #CUT_TCP_OPTIONS}, {@link #CUT_VLAN}), 0 when none does;
     * an IPv6 extension header cut leaves {@link #ipVersion} 6 and its type in {@link #ipProtocol}; {@link #cutOffset} is where it starts.
     * A frame the snap length cut (captured length below the length on the wire) is not malformed:
     * Wireshark says "Packet size limited during capture" of it. Except for {@link #CUT_TCP_OPTIONS}
     * (the TCP layer is decoded, without the options not captured), {@link #malformed} says the same.
     */
    public int cut, cutOffset;
    public static final int CUT_LINK = 1, CUT_IPV4 = 2, CUT_IPV6 = 3, CUT_TCP = 4, CUT_TCP_OPTIONS = 5, CUT_VLAN = 6;
    /**
     * Offsets (from the frame start) of the IPv4 headers that carry the IP layer above as their payload
     * (protocol 41, 6in4, or 4, IP in IP), outermost first; {@link #tunnels} of them are set. The IP
     * fields above describe the innermost packet, the one whose transport is decoded, as tshark does.
     */
    public final int[] tunnelOffsets = new int[PacketDecoder.MAX_TUNNELS];
    /** Source and destination of those outer IPv4 headers (for {@code ip.src} / {@code ip.dst}, as in tshark). */
    public final long[] tunnelSrc = new long[PacketDecoder.MAX_TUNNELS], tunnelDst = new long[PacketDecoder.MAX_TUNNELS];
    public int tunnels;
    /** Whether the packet was tunnelled deeper than {@link PacketDecoder#MAX_TUNNELS}: its inner packets were not decoded. */
    public boolean tooManyTunnels;

    public void reset() {
        linkType = etherType = vlanTags = linkHeaderLength = ipVersion = ipOffset = ipHeaderLength = ipTotalLength = 0;
        ipFragment = false;
        ipProtocol = ttl = 0;
        srcHi = srcLo = dstHi = dstLo = 0;
        tcp = udp = false;
        tcpOffset = tcpHeaderLength = srcPort = dstPort = flags = window = 0;
        seq = ack = 0;
        mss = windowScale = -1;
        sackPermitted = hasTimestamps = false;
        tsVal = tsEcr = 0;
        sackBlocks = 0;
        payloadOffset = payloadLength = capturedPayloadLength = 0;
        malformed = null;
        cut = cutOffset = 0;
        tunnels = 0;
        tooManyTunnels = false;
    }

    public boolean isIp() { return ipVersion != 0; }

    public boolean has(int flag) { return (flags & flag) != 0; }

    public IpAddr src() { return new IpAddr(ipVersion == 6, srcHi, srcLo); }

    public IpAddr dst() { return new IpAddr(ipVersion == 6, dstHi, dstLo); }

    public Endpoint srcEndpoint() { return new Endpoint(src(), srcPort); }

    public Endpoint dstEndpoint() { return new Endpoint(dst(), dstPort); }

    /** Marks the header at {@code offset} (from the frame start) as running past the captured bytes. */
    public void cut(int layer, int offset) {
        cut = layer;
        cutOffset = offset;
    }

    /** True when the capture holds fewer payload bytes than were sent. */
    public boolean payloadTruncated() { return capturedPayloadLength < payloadLength; }
}
