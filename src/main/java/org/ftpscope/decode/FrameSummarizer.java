package org.ftpscope.decode;

import org.ftpscope.capture.FrameIndex;
import org.ftpscope.decode.link.LinkLayer;
import org.ftpscope.decode.link.LinkLayers;

import java.nio.charset.StandardCharsets;

/** Builds a frame's packet-list row the way Wireshark 4.0 writes it. */
public final class FrameSummarizer {
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};

    private FrameSummarizer() {}

    /**
     * @param p   decoded from {@code bytes}
     * @param tcp what the tcp layer knows of the frame ({@link TcpFrameContext#UNKNOWN} if nothing)
     * @param app the application layer's label, or null; retransmitted and out-of-order segments
     *            keep the TCP label as Wireshark does
     */
    public static FrameSummary summarize(int frame, FrameIndex index, byte[] bytes, PacketInfo p,
                                         TcpFrameContext tcp, AppLabel app) {
        return summarize(frame, index.relativeNanos(frame), index.timePrecision(frame), index.originalLength(frame), bytes, p,
                tcp, app);
    }

    /**
     * The same from the time (nanoseconds since the first frame, shown with {@code timePrecision} decimals)
     * and length directly, for frames whose index entry is not at hand.
     */
    public static FrameSummary summarize(int frame, long timeNanos, int timePrecision, int length, byte[] bytes, PacketInfo p,
                                         TcpFrameContext tcp, AppLabel app) {
        String src, dst, proto, info;
        if (p.isIp()) {
            src = p.src().toString();
            dst = p.dst().toString();
        } else {
            src = macOrLink(bytes, p, true);
            dst = macOrLink(bytes, p, false);
        }
        if (p.tcp) {
            String tcpInfo = tcpInfo(bytes, p, tcp);
            int fl = tcp.analysisFlags();
            // As Wireshark: payload of plain or spurious retransmissions and out-of-order segments is not dissected again.
            boolean resent = (fl & (TcpAnalysisFlags.OUT_OF_ORDER | TcpAnalysisFlags.SPURIOUS_RETRANSMISSION)) != 0
                    || ((fl & TcpAnalysisFlags.RETRANSMISSION) != 0 && (fl & TcpAnalysisFlags.FAST_RETRANSMISSION) == 0);
            if (app != null && !resent) {
                proto = app.protocol();
                info = TcpAnalysisFlags.infoPrefix(fl) + app.info();
            } else {
                proto = "TCP";
                info = tcpInfo;
            }
        } else if (p.udp) {
            proto = p.srcPort == 53 || p.dstPort == 53 ? "DNS" : "UDP";
            info = p.srcPort + " → " + p.dstPort + " Len=" + p.payloadLength;
        } else if (p.isIp() && p.ipFragment && p.ipProtocol != PacketDecoder.IP_TCP) {
            proto = p.ipVersion == 4 ? "IPv4" : "IPv6";
            info = "Fragmented IP protocol (proto=" + p.ipProtocol + ")";
        } else if (p.isIp() && p.ipProtocol == PacketDecoder.IP_ICMP) {
            proto = "ICMP";
            info = icmpInfo(bytes, p);
        } else if (p.isIp() && p.ipProtocol == PacketDecoder.IP_ICMPV6) {
            proto = "ICMPv6";
            info = icmpv6Info(bytes, p);
        } else if (p.isIp()) {
            proto = p.ipVersion == 4 ? "IPv4" : "IPv6";
            info = p.malformed != null ? "[Malformed Packet: " + p.malformed + "]" : "IP protocol " + p.ipProtocol;
        } else if (p.etherType == PacketDecoder.ETH_ARP) {
            proto = "ARP";
            info = arpInfo(bytes, p);
        } else if (LinkLayers.of(p.linkType) == null) {
            proto = "Frame";
            info = "Link type " + LinkLayers.name(p.linkType) + " (" + p.linkType + "), not decoded by ftpscope";
        } else {
            proto = p.malformed != null ? "Malformed" : p.etherType != 0 ? String.format("0x%04x", p.etherType) : "Frame";
            info = p.malformed != null ? "[Malformed Packet: " + p.malformed + "]"
                    : "Ethernet frame, type 0x" + String.format("%04x", p.etherType);
        }
        if (p.tcp && p.malformed != null) info = info + " [Malformed Packet: " + p.malformed + "]";
        return new FrameSummary(frame, timeNanos, timePrecision, src, dst, proto, length, info);
    }

    /** {@code 50003 → 21 [SYN] Seq=0 Win=14600 Len=0 MSS=1460 SACK_PERM TSval=… TSecr=0 WS=64}. */
    public static String tcpInfo(byte[] b, PacketInfo p, TcpFrameContext ctx) {
        StringBuilder sb = new StringBuilder(96);
        if (ctx.duplicateAckCount() > 0 && (ctx.analysisFlags() & TcpAnalysisFlags.DUPLICATE_ACK) != 0) {
            sb.append(TcpAnalysisFlags.infoPrefix(ctx.analysisFlags() & ~TcpAnalysisFlags.DUPLICATE_ACK));
            sb.append("[TCP Dup ACK ").append(ctx.duplicateAckOf()).append('#').append(ctx.duplicateAckCount()).append("] ");
        } else {
            sb.append(TcpAnalysisFlags.infoPrefix(ctx.analysisFlags()));
        }
        sb.append(p.srcPort).append(" → ").append(p.dstPort).append(" [").append(flagNames(p.flags)).append(']');
        boolean relative = ctx.stream() >= 0;
        long seq = relative ? (p.seq - ctx.seqBase()) & 0xFFFFFFFFL : p.seq;
        sb.append(" Seq=").append(seq);
        if (p.has(PacketInfo.ACK)) {
            long ack = relative && ctx.ackBase() >= 0 ? (p.ack - ctx.ackBase()) & 0xFFFFFFFFL : p.ack;
            sb.append(" Ack=").append(ack);
        }
        long win = p.window;
        if (!p.has(PacketInfo.SYN) && ctx.windowShift() >= 0) win = win << ctx.windowShift();
        sb.append(" Win=").append(win).append(" Len=").append(p.payloadLength);
        if (p.has(PacketInfo.URG)) {
            int urg = Bytes.uint16(b, p.tcpOffset + 18);
            sb.append(" Urg=").append(urg);
        }
        appendOptions(sb, b, p, ctx);
        return sb.toString();
    }

    public static String flagNames(int flags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(FLAG_NAMES[i]);
            }
        }
        return sb.length() == 0 ? "<None>" : sb.toString();
    }

    private static void appendOptions(StringBuilder sb, byte[] b, PacketInfo p, TcpFrameContext ctx) {
        int o = p.tcpOffset + 20, end = Math.min(p.tcpOffset + p.tcpHeaderLength, b.length);
        while (o < end) {
            int kind = b[o] & 0xFF;
            if (kind == 0) break;
            if (kind == 1) { o++; continue; }
            if (o + 1 >= end) break;
            int len = b[o + 1] & 0xFF;
            if (len < 2 || o + len > end) break;
            switch (kind) {
                case 2 -> { if (len == 4) sb.append(" MSS=").append(Bytes.uint16(b, o + 2)); }
                case 3 -> { if (len == 3) sb.append(" WS=").append(1 << Math.min(b[o + 2] & 0xFF, 14)); }
                case 4 -> sb.append(" SACK_PERM");
                case 5 -> {
                    long base = ctx.stream() >= 0 && ctx.ackBase() >= 0 ? ctx.ackBase() : 0;
                    for (int q = o + 2; q + 8 <= o + len; q += 8) {
                        sb.append(" SLE=").append((Bytes.uint32(b, q) - base) & 0xFFFFFFFFL)
                                .append(" SRE=").append((Bytes.uint32(b, q + 4) - base) & 0xFFFFFFFFL);
                    }
                }
                case 8 -> {
                    if (len == 10) sb.append(" TSval=").append(Bytes.uint32(b, o + 2)).append(" TSecr=").append(Bytes.uint32(b, o + 6));
                }
                default -> { }
            }
            o += len;
        }
    }

    private static String macOrLink(byte[] b, PacketInfo p, boolean source) {
        LinkLayer link = LinkLayers.of(p.linkType);
        return link != null ? link.address(b, source) : "";
    }

    private static String arpInfo(byte[] b, PacketInfo p) {
        int a = arpOffset(p);
        if (a < 0 || a + 28 > b.length) return "ARP";
        int op = Bytes.uint16(b, a + 6);
        String sha = Bytes.hex(b, a + 8, 6, ':');
        String spa = IpAddr.of(b, a + 14, false).toString();
        String tpa = IpAddr.of(b, a + 24, false).toString();
        if (op == 1) return spa.equals(tpa) ? "Gratuitous ARP for " + spa + " (Request)" : "Who has " + tpa + "? Tell " + spa;
        if (op == 2) return spa + " is at " + sha;
        return "ARP opcode " + op;
    }

    private static int arpOffset(PacketInfo p) {
        return p.linkHeaderLength > 0 ? p.linkHeaderLength : -1;
    }

    private static String icmpInfo(byte[] b, PacketInfo p) {
        int o = p.ipOffset + p.ipHeaderLength;
        if (o + 8 > b.length) return "ICMP";
        int type = b[o] & 0xFF, code = b[o + 1] & 0xFF;
        return switch (type) {
            case 8, 0 -> (type == 8 ? "Echo (ping) request" : "Echo (ping) reply") + "  id=0x"
                    + String.format("%04x", Bytes.uint16(b, o + 4)) + ", seq=" + Bytes.uint16(b, o + 6) + "/"
                    + Integer.reverseBytes(Bytes.uint16(b, o + 6) << 16) + ", ttl=" + p.ttl;
            case 3 -> "Destination unreachable (" + unreachable(code) + ")";
            case 11 -> "Time-to-live exceeded";
            default -> "ICMP type " + type + ", code " + code;
        };
    }

    private static String unreachable(int code) {
        return switch (code) {
            case 0 -> "Network unreachable";
            case 1 -> "Host unreachable";
            case 3 -> "Port unreachable";
            case 9, 10, 13 -> "Communication administratively filtered";
            default -> "code " + code;
        };
    }

    private static String icmpv6Info(byte[] b, PacketInfo p) {
        int o = p.ipOffset + p.ipHeaderLength;
        if (o + 4 > b.length) return "ICMPv6";
        int type = b[o] & 0xFF;
        switch (type) {
            case 135, 136 -> {
                if (o + 24 > b.length) break;
                String target = IpAddr.of(b, o + 8, true).toString();
                String lla = null;
                for (int q = o + 24; q + 8 <= b.length; ) {
                    int ot = b[q] & 0xFF, ol = (b[q + 1] & 0xFF) * 8;
                    if (ol == 0) break;
                    if ((ot == 1 || ot == 2) && ol >= 8) lla = Bytes.hex(b, q + 2, 6, ':');
                    q += ol;
                }
                if (type == 135) return "Neighbor Solicitation for " + target + (lla != null ? " from " + lla : "");
                int fl = b[o + 4] & 0xFF;
                StringBuilder f = new StringBuilder();
                if ((fl & 0x80) != 0) f.append("rtr");
                if ((fl & 0x40) != 0) f.append(f.length() > 0 ? ", " : "").append("sol");
                if ((fl & 0x20) != 0) f.append(f.length() > 0 ? ", " : "").append("ovr");
                return "Neighbor Advertisement " + target + " (" + f + ")" + (lla != null ? " is at " + lla : "");
            }
            case 133 -> {
                String lla = sourceLinkLayer(b, o + 8);
                return "Router Solicitation" + (lla != null ? " from " + lla : "");
            }
            case 134 -> {
                String lla = sourceLinkLayer(b, o + 16);
                return "Router Advertisement" + (lla != null ? " from " + lla : "");
            }
            case 128 -> { return "Echo (ping) request"; }
            case 129 -> { return "Echo (ping) reply"; }
            case 143 -> { return "Multicast Listener Report Message v2"; }
            default -> { }
        }
        return "ICMPv6 type " + type;
    }

    /** The source link-layer address option (type 1) among the NDP options from {@code q}, or null. */
    private static String sourceLinkLayer(byte[] b, int q) {
        for (int guard = 0; q + 8 <= b.length && guard < 64; guard++) {
            int ot = b[q] & 0xFF, ol = (b[q + 1] & 0xFF) * 8;
            if (ol == 0) return null;
            if (ot == 1 && ol >= 8) return Bytes.hex(b, q + 2, 6, ':');
            q += ol;
        }
        return null;
    }

    /** The first line of a TCP payload, as Wireshark's FTP Info shows it (control characters kept readable). */
    public static String firstLine(byte[] b, int off, int len) {
        int end = off, lim = Math.min(b.length, off + len);
        while (end < lim && b[end] != '\n' && b[end] != '\r') end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }
}
