package org.ftpscope.ftp.parse;

import org.ftpscope.decode.Bytes;
import org.ftpscope.decode.Endpoint;
import org.ftpscope.decode.IpAddr;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;

/**
 * An ICMP (v4 type 3) or ICMPv6 (type 1) destination-unreachable message that quotes a TCP
 * segment: the network's answer to a SYN that will get no SYN-ACK.
 *
 * @param reporter who sent the ICMP message (a router, or the destination host)
 * @param code     the ICMP code (v4: 0 net, 1 host, 3 port, 13 administratively prohibited …)
 * @param from     the quoted segment's source (the connecting host)
 * @param to       the quoted segment's destination
 */
public record IcmpUnreachable(int frame, IpAddr reporter, boolean v6, int code, Endpoint from, Endpoint to) {

    /** Parses a decoded frame; null unless it is a destination-unreachable quoting TCP. Bounds-checked. */
    public static IcmpUnreachable parse(int frame, byte[] b, int off, int cap, PacketInfo p) {
        if (!p.isIp() || p.tcp || p.ipFragment) return null;
        int end = off + cap;
        int o = off + p.ipOffset + p.ipHeaderLength;
        if (p.ipVersion == 4 && p.ipProtocol == PacketDecoder.IP_ICMP) {
            if (o + 8 + 20 > end || Bytes.uint8(b, o) != 3) return null;
            int q = o + 8;
            int ihl = (Bytes.uint8(b, q) & 0xF) * 4;
            if ((Bytes.uint8(b, q) >> 4) != 4 || ihl < 20 || Bytes.uint8(b, q + 9) != PacketDecoder.IP_TCP || q + ihl + 4 > end) return null;
            IpAddr src = new IpAddr(false, 0, Bytes.uint32(b, q + 12)), dst = new IpAddr(false, 0, Bytes.uint32(b, q + 16));
            return new IcmpUnreachable(frame, p.src(), false, Bytes.uint8(b, o + 1),
                    new Endpoint(src, Bytes.uint16(b, q + ihl)), new Endpoint(dst, Bytes.uint16(b, q + ihl + 2)));
        }
        if (p.ipVersion == 6 && p.ipProtocol == PacketDecoder.IP_ICMPV6) {
            if (o + 8 + 40 + 4 > end || Bytes.uint8(b, o) != 1) return null;
            int q = o + 8;
            if ((Bytes.uint8(b, q) >> 4) != 6 || Bytes.uint8(b, q + 6) != PacketDecoder.IP_TCP) return null;
            IpAddr src = new IpAddr(true, Bytes.int64(b, q + 8), Bytes.int64(b, q + 16));
            IpAddr dst = new IpAddr(true, Bytes.int64(b, q + 24), Bytes.int64(b, q + 32));
            return new IcmpUnreachable(frame, p.src(), true, Bytes.uint8(b, o + 1),
                    new Endpoint(src, Bytes.uint16(b, q + 40)), new Endpoint(dst, Bytes.uint16(b, q + 42)));
        }
        return null;
    }

    /** The code in words, as Wireshark names it. */
    public String codeText() {
        if (v6) {
            return switch (code) {
                case 0 -> "no route to destination";
                case 1 -> "communication administratively prohibited";
                case 3 -> "address unreachable";
                case 4 -> "port unreachable";
                default -> "code " + code;
            };
        }
        return switch (code) {
            case 0 -> "network unreachable";
            case 1 -> "host unreachable";
            case 2 -> "protocol unreachable";
            case 3 -> "port unreachable";
            case 9, 10, 13 -> "communication administratively prohibited";
            default -> "code " + code;
        };
    }
}
