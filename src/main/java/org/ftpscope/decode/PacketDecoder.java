package org.ftpscope.decode;

import org.ftpscope.capture.Limit;
import org.ftpscope.decode.link.LinkLayer;
import org.ftpscope.decode.link.LinkLayers;

import java.util.Locale;

/** The fast path: link layer ({@link LinkLayers}), IPv4/IPv6 and TCP header fields, without allocating. */
public final class PacketDecoder {
    public static final int ETH_IPV4 = 0x0800, ETH_IPV6 = 0x86DD, ETH_ARP = 0x0806, ETH_VLAN = 0x8100,
            ETH_QINQ = 0x88A8, ETH_QINQ_OLD = 0x9100;
    public static final int IP_TCP = 6, IP_UDP = 17, IP_ICMP = 1, IP_ICMPV6 = 58, IP_IPV4 = 4, IP_IPV6 = 41;
    /**
     * IP-in-IPv4 tunnels decoded through (6in4, IP in IP); a packet nested deeper is shown as the IPv4
     * packet that carries it, marked malformed, so a hostile nest of headers costs a bounded loop.
     */
    public static final int MAX_TUNNELS = Limit.IP_TUNNELS.intValue();

    /** VLAN tags, or IPv6 extension headers, decoded in one frame; past it decoding stops, as Wireshark's does. */
    public static final int MAX_LAYERS = Limit.DETAIL_TREE_DEPTH.intValue();

    private PacketDecoder() {}

    /** The malformed-packet text when more than {@link #MAX_LAYERS} headers of one kind are nested. */
    public static String tooDeep(String what, int at, int left) {
        return String.format(Locale.ROOT, "too deeply nested: more than %,d %s, %s; decoding stopped at byte %,d,"
                + " the %,d bytes from there on are not decoded", MAX_LAYERS, what, Limit.DETAIL_TREE_DEPTH.label(), at, left);
    }

    /** Decodes {@code buf[off..off+len)} of the given link type into {@code out}. */
    public static void decode(int linkType, byte[] buf, int off, int len, PacketInfo out) {
        out.reset();
        out.linkType = linkType;
        LinkLayer link = LinkLayers.of(linkType);
        if (link == null) return;
        int header = link.decode(buf, off, len, out);
        if (header < 0) return;
        out.linkHeaderLength = header;
        int end = off + len, p = off + header;
        if (out.etherType == ETH_IPV4) ipv4(buf, off, p, end, out);
        else if (out.etherType == ETH_IPV6) ipv6(buf, off, p, end, out);
    }

    /**
     * Decodes only the IPv4 header at {@code ipOffset} of the frame {@code buf[off..off+len)}: for the
     * detail tree of an outer tunnel header, whose fields the innermost packet's replaced.
     */
    public static void outerIpv4(int linkType, byte[] buf, int off, int len, int ipOffset, PacketInfo out) {
        out.reset();
        out.linkType = linkType;
        out.etherType = ETH_IPV4;
        out.tunnels = MAX_TUNNELS; // do not follow the tunnel: this is the outer header only
        ipv4(buf, off, off + ipOffset, off + len, out);
        out.tunnels = 0;
        out.malformed = null;
        out.tooManyTunnels = false;
    }

    private static void ipv4(byte[] b, int frameStart, int p, int end, PacketInfo out) {
        if (p + 20 > end) { out.malformed = "IPv4 header cut short"; out.cut(PacketInfo.CUT_IPV4, p - frameStart); return; }
        int vihl = b[p] & 0xFF;
        if ((vihl >> 4) != 4) { out.malformed = "IPv4 header with version " + (vihl >> 4); return; }
        int ihl = (vihl & 0xF) * 4;
        if (ihl < 20) { out.malformed = "IPv4 header length " + ihl + " below 20"; return; }
        if (p + ihl > end) { out.malformed = "IPv4 options cut short"; out.cut(PacketInfo.CUT_IPV4, p - frameStart); return; }
        out.ipVersion = 4;
        out.ipOffset = p - frameStart;
        out.ipHeaderLength = ihl;
        int total = Bytes.uint16(b, p + 2);
        out.ipTotalLength = total;
        int fragField = Bytes.uint16(b, p + 6);
        out.ipFragment = (fragField & 0x2000) != 0 || (fragField & 0x1FFF) != 0;
        out.ttl = b[p + 8] & 0xFF;
        out.ipProtocol = b[p + 9] & 0xFF;
        out.srcLo = Bytes.uint32(b, p + 12);
        out.dstLo = Bytes.uint32(b, p + 16);
        if (total < ihl) {
            // TSO frames captured on the sender can claim 0; trust the capture then.
            total = end - p;
            if (out.ipTotalLength != 0) { out.malformed = "IPv4 total length " + out.ipTotalLength + " below its header length"; return; }
        }
        if ((fragField & 0x1FFF) != 0) return; // only the first fragment carries the transport header
        if ((out.ipProtocol == IP_IPV6 || out.ipProtocol == IP_IPV4) && !out.ipFragment) {
            if (out.tunnels == MAX_TUNNELS) {
                out.malformed = "IP tunnelled in IP more than " + MAX_TUNNELS + " times (" + Limit.IP_TUNNELS.label()
                        + "): the inner packets are not decoded";
                out.tooManyTunnels = true;
                return;
            }
            // 6in4 / IP in IP: the payload is the packet; decode it as tshark does, keep where the outer header was.
            out.tunnelOffsets[out.tunnels] = out.ipOffset;
            out.tunnelSrc[out.tunnels] = out.srcLo;
            out.tunnelDst[out.tunnels++] = out.dstLo;
            int inner = p + ihl, innerEnd = Math.min(end, p + total);
            if (out.ipProtocol == IP_IPV6) ipv6(b, frameStart, inner, innerEnd, out);
            else ipv4(b, frameStart, inner, innerEnd, out);
            return;
        }
        transport(b, frameStart, p + ihl, p + total, end, out);
    }

    private static void ipv6(byte[] b, int frameStart, int p, int end, PacketInfo out) {
        if (p + 40 > end) { out.malformed = "IPv6 header cut short"; out.cut(PacketInfo.CUT_IPV6, p - frameStart); return; }
        if (((b[p] >> 4) & 0xF) != 6) { out.malformed = "IPv6 header with version " + ((b[p] >> 4) & 0xF); return; }
        out.ipVersion = 6;
        out.ipOffset = p - frameStart;
        int payloadLen = Bytes.uint16(b, p + 4);
        out.ipTotalLength = 40 + payloadLen;
        int next = b[p + 6] & 0xFF;
        out.ttl = b[p + 7] & 0xFF;
        out.srcHi = Bytes.int64(b, p + 8);
        out.srcLo = Bytes.int64(b, p + 16);
        out.dstHi = Bytes.int64(b, p + 24);
        out.dstLo = Bytes.int64(b, p + 32);
        int ipEnd = p + 40 + payloadLen;
        int q = p + 40;
        // Extension headers: hop-by-hop, routing, fragment, destination options, AH.
        for (int headers = 0; ; headers++) {
            boolean extension = next == 0 || next == 43 || next == 60 || next == 44 || next == 51;
            if (extension && headers == MAX_LAYERS) {
                out.ipHeaderLength = q - p;
                out.ipProtocol = next;
                out.malformed = tooDeep("IPv6 extension headers", q - frameStart, end - q);
                return;
            }
            if (next == 0 || next == 43 || next == 60) {
                if (q + 8 > end) { out.malformed = "IPv6 extension header cut short"; extensionCut(out, p - frameStart, q - p, next); return; }
                int n = b[q] & 0xFF;
                q += (b[q + 1] & 0xFF) * 8 + 8;
                next = n;
            } else if (next == 44) {
                if (q + 8 > end) { out.malformed = "IPv6 fragment header cut short"; extensionCut(out, p - frameStart, q - p, next); return; }
                int n = b[q] & 0xFF;
                int offFlags = Bytes.uint16(b, q + 2);
                out.ipFragment = true;
                q += 8;
                next = n;
                if ((offFlags & 0xFFF8) != 0) { out.ipHeaderLength = q - p; out.ipProtocol = next; return; }
            } else if (next == 51) {
                if (q + 8 > end) { out.malformed = "IPv6 AH header cut short"; extensionCut(out, p - frameStart, q - p, next); return; }
                int n = b[q] & 0xFF;
                q += ((b[q + 1] & 0xFF) + 2) * 4;
                next = n;
            } else {
                break;
            }
        }
        out.ipHeaderLength = q - p;
        out.ipProtocol = next;
        transport(b, frameStart, q, ipEnd, end, out);
    }

    /** An IPv6 extension header of type {@code next}, {@code at} bytes into the IPv6 packet at {@code ipv6}, cut short. */
    private static void extensionCut(PacketInfo out, int ipv6, int at, int next) {
        out.ipHeaderLength = at;
        out.ipProtocol = next;
        out.cut(PacketInfo.CUT_IPV6, ipv6);
    }

    private static void transport(byte[] b, int frameStart, int p, int ipEnd, int capEnd, PacketInfo out) {
        if (out.ipProtocol == IP_TCP) tcp(b, frameStart, p, ipEnd, capEnd, out);
        else if (out.ipProtocol == IP_UDP && p + 8 <= capEnd) {
            out.udp = true;
            out.srcPort = Bytes.uint16(b, p);
            out.dstPort = Bytes.uint16(b, p + 2);
            out.payloadOffset = p + 8 - frameStart;
            out.payloadLength = Math.max(0, ipEnd - p - 8);
            out.capturedPayloadLength = Math.max(0, Math.min(ipEnd, capEnd) - p - 8);
        }
    }

    private static void tcp(byte[] b, int frameStart, int p, int ipEnd, int capEnd, PacketInfo out) {
        if (p + 20 > capEnd) { out.malformed = "TCP header cut short"; out.cut(PacketInfo.CUT_TCP, p - frameStart); return; }
        int hl = ((b[p + 12] >> 4) & 0xF) * 4;
        if (hl < 20) { out.malformed = "TCP header length " + hl + " below 20"; return; }
        out.tcp = true;
        out.tcpOffset = p - frameStart;
        out.tcpHeaderLength = hl;
        out.srcPort = Bytes.uint16(b, p);
        out.dstPort = Bytes.uint16(b, p + 2);
        out.seq = Bytes.uint32(b, p + 4);
        out.ack = Bytes.uint32(b, p + 8);
        out.flags = ((b[p + 12] & 1) << 8) | (b[p + 13] & 0xFF);
        out.window = Bytes.uint16(b, p + 14);
        int optEnd = Math.min(p + hl, capEnd);
        if (p + hl > capEnd) out.cut(PacketInfo.CUT_TCP_OPTIONS, p - frameStart);
        for (int o = p + 20; o < optEnd; ) {
            int kind = b[o] & 0xFF;
            if (kind == 0) break;
            if (kind == 1) { o++; continue; }
            if (o + 1 >= optEnd) break;
            int olen = b[o + 1] & 0xFF;
            if (olen < 2 || o + olen > optEnd) break;
            switch (kind) {
                case 2 -> { if (olen == 4) out.mss = Bytes.uint16(b, o + 2); }
                case 3 -> { if (olen == 3) out.windowScale = b[o + 2] & 0xFF; }
                case 4 -> out.sackPermitted = true;
                case 5 -> out.sackBlocks = (olen - 2) / 8;
                case 8 -> {
                    if (olen == 10) {
                        out.hasTimestamps = true;
                        out.tsVal = Bytes.uint32(b, o + 2);
                        out.tsEcr = Bytes.uint32(b, o + 6);
                    }
                }
                default -> { }
            }
            o += olen;
        }
        int payloadStart = p + hl;
        out.payloadOffset = payloadStart - frameStart;
        out.payloadLength = Math.max(0, ipEnd - payloadStart);
        out.capturedPayloadLength = Math.max(0, Math.min(ipEnd, capEnd) - payloadStart);
        if (hl > ipEnd - p) out.malformed = "TCP header length " + hl + " runs past the IP payload";
    }
}
