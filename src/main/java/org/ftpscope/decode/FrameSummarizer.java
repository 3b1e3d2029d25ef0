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
        // The snap length cut the frame (fewer bytes captured than were on the wire): not malformed.
        boolean snapCut = length > bytes.length;
        if (snapCut && p.cut != 0 && p.cut != PacketInfo.CUT_TCP_OPTIONS) {
            return cutHeader(frame, timeNanos, timePrecision, length, bytes, p, src, dst);
        }
        if (snapCut && p.cut == PacketInfo.CUT_TCP_OPTIONS) tcp = tcp.withoutAnalysis();
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
            info = icmpInfo(bytes, p, snapCut);
        } else if (p.isIp() && p.ipProtocol == PacketDecoder.IP_ICMPV6) {
            proto = "ICMPv6";
            info = icmpv6Info(bytes, p, snapCut);
        } else if (p.isIp()) {
            proto = p.ipVersion == 4 ? "IPv4" : "IPv6";
            info = p.malformed != null ? "[Malformed Packet: " + p.malformed + "]" : "IP protocol " + p.ipProtocol;
        } else if (p.etherType == PacketDecoder.ETH_ARP) {
            proto = "ARP";
            info = arpInfo(bytes, p);
            if (snapCut && "ARP".equals(info)) info = LIMITED;
        } else if (LinkLayers.of(p.linkType) == null) {
            proto = "Frame";
            info = "Link type " + LinkLayers.name(p.linkType) + " (" + p.linkType + "), not decoded by ftpscope";
        } else {
            proto = p.malformed != null ? "Malformed" : p.etherType != 0 ? String.format("0x%04x", p.etherType) : "Frame";
            info = p.malformed != null ? "[Malformed Packet: " + p.malformed + "]"
                    : "Ethernet frame, type 0x" + String.format("%04x", p.etherType);
        }
        if (p.tcp && p.malformed != null) info = info + " [Malformed Packet: " + p.malformed + "]";
        // TCP options the snap length cut: Wireshark's dissector stops at the first option not captured whole.
        if (snapCut && p.cut == PacketInfo.CUT_TCP_OPTIONS) info = info + LIMITED;
        return new FrameSummary(frame, timeNanos, timePrecision, src, dst, proto, length, info);
    }

    /** What Wireshark appends to the Info of a frame a dissector read past the captured bytes of (no space before it). */
    public static final String LIMITED = "[Packet size limited during capture]";

    /**
     * A frame whose header {@link PacketInfo#cut} names was cut by the snap length, as Wireshark 4.0 lists it:
     * the protocol of the layer that ran out of bytes, its addresses if they were captured (else those of the
     * layer below), and {@link #LIMITED}; a TCP header shows its ports once 4 bytes of it were captured.
     */
    private static FrameSummary cutHeader(int frame, long timeNanos, int timePrecision, int length, byte[] b, PacketInfo p,
                                          String src, String dst) {
        int c = p.cutOffset, have = b.length - c;
        String proto, info = LIMITED;
        switch (p.cut) {
            case PacketInfo.CUT_LINK -> proto = "Ethernet";
            case PacketInfo.CUT_VLAN -> {
                proto = "VLAN";
                if (have >= 2) {
                    int tci = Bytes.uint16(b, c);
                    info = "PRI: " + (tci >> 13) + "  DEI: " + ((tci >> 12) & 1) + "  ID: " + (tci & 0xFFF) + LIMITED;
                }
            }
            case PacketInfo.CUT_IPV4, PacketInfo.CUT_IPV6 -> {
                boolean v6 = p.cut == PacketInfo.CUT_IPV6;
                proto = v6 ? "IPv6" : "IPv4";
                // An extension header cut (the IPv6 header is whole): Wireshark's hop-by-hop dissector names itself.
                if (v6 && p.ipVersion == 6 && p.ipProtocol == 0) info = "IPv6 hop-by-hop options" + LIMITED;
                int srcAt = v6 ? 8 : 12, len = v6 ? 16 : 4;
                if (have >= srcAt + len) src = IpAddr.of(b, c + srcAt, v6).toString();
                if (have >= srcAt + 2 * len) dst = IpAddr.of(b, c + srcAt + len, v6).toString();
            }
            default -> { // CUT_TCP: fewer than 20 bytes of the header
                proto = have >= 4 ? "TCP" : p.ipVersion == 6 ? "IPv6" : "IPv4";
                if (have >= 4) info = Bytes.uint16(b, c) + " → " + Bytes.uint16(b, c + 2) + LIMITED;
            }
        }
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

    /**
     * ICMP's Info as Wireshark 4.0 writes it: the type's name padded to 20 characters, then the code's name
     * in parentheses, or the identifier and sequence number (both byte orders) and the TTL. A message the
     * snap length cut ends in {@link #LIMITED} where Wireshark's dissector reads past the captured bytes: an
     * error's quoted packet, a timestamp or mask, or the header itself.
     */
    private static String icmpInfo(byte[] b, PacketInfo p, boolean snapCut) {
        int o = p.ipOffset + p.ipHeaderLength, have = b.length - o;
        boolean cut = snapCut && b.length < p.ipOffset + p.ipTotalLength;
        if (have < 6) return cut ? LIMITED : "ICMP";
        int type = b[o] & 0xFF, code = b[o + 1] & 0xFF;
        String name = icmpTypeName(type);
        if (name == null) return have < 8 ? (cut ? LIMITED : "ICMP") : "ICMP type " + type + ", code " + code;
        StringBuilder sb = new StringBuilder(64).append(name);
        while (sb.length() < 20) sb.append(' ');
        String codeName = icmpCodeName(type, code);
        if (codeName != null) sb.append(" (").append(codeName).append(')');
        boolean idSeq = type == 0 || type == 8 || (type >= 13 && type <= 18);
        if (have < 8) return !cut ? "ICMP" : readsPast(type, have) ? sb.append(LIMITED).toString() : sb.toString();
        if (idSeq) {
            int seq = Bytes.uint16(b, o + 6);
            sb.append(" id=0x").append(String.format("%04x", Bytes.uint16(b, o + 4))).append(", seq=").append(seq)
                    .append('/').append(Integer.reverseBytes(seq << 16)).append(", ttl=").append(p.ttl);
        }
        if (cut && readsPast(type, have)) sb.append(LIMITED);
        return sb.toString();
    }

    /** Whether Wireshark's ICMP dissector reads past the {@code have} bytes of a message of this type. */
    private static boolean readsPast(int type, int have) {
        return switch (type) {
            case 3, 4, 5, 11, 12, 42 -> true;     // the quoted IP header and transport; extended echo request objects
            case 43 -> have < 8;
            case 0, 8, 15, 16 -> have < 8;         // identifier and sequence number (echo data is not read)
            case 13, 14 -> have < 20;              // three timestamps
            case 17, 18 -> have < 12;              // the mask
            default -> false;
        };
    }

    /** Wireshark 4.0's names of ICMP types (null: one ftpscope does not name). */
    private static String icmpTypeName(int type) {
        return switch (type) {
            case 0 -> "Echo (ping) reply";
            case 1, 2 -> "Reserved";
            case 3 -> "Destination unreachable";
            case 4 -> "Source quench (flow control)";
            case 5 -> "Redirect";
            case 6 -> "Alternate host address";
            case 8 -> "Echo (ping) request";
            case 10 -> "Router solicitation";
            case 11 -> "Time-to-live exceeded";
            case 12 -> "Parameter problem";
            case 13 -> "Timestamp request";
            case 14 -> "Timestamp reply";
            case 15 -> "Information request";
            case 16 -> "Information reply";
            case 17 -> "Address mask request";
            case 18 -> "Address mask reply";
            case 19 -> "Reserved (for security)";
            case 30 -> "Traceroute";
            case 31 -> "Datagram Conversion Error";
            case 32 -> "Mobile Host Redirect";
            case 33 -> "IPv6 Where-Are-You";
            case 34 -> "IPv6 I-Am-Here";
            case 35 -> "Mobile Registration Request";
            case 36 -> "Mobile Registration Reply";
            case 37 -> "Domain Name Request";
            case 38 -> "Domain Name Reply";
            case 39 -> "SKIP";
            case 40 -> "Photuris";
            case 41 -> "Experimental mobility protocols";
            case 42 -> "Extended Echo request";
            case 43 -> "Extended Echo reply";
            case 9 -> null; // router advertisement: Wireshark names it by its extensions
            default -> "Unknown ICMP (obsolete or malformed?)";
        };
    }

    private static final String[] UNREACHABLE = {"Network unreachable", "Host unreachable", "Protocol unreachable",
        "Port unreachable", "Fragmentation needed", "Source route failed", "Destination network unknown",
        "Destination host unknown", "Source host isolated", "Network administratively prohibited",
        "Host administratively prohibited", "Network unreachable for TOS", "Host unreachable for TOS",
        "Communication administratively filtered", "Host precedence violation", "Precedence cutoff in effect"};

    /** The code's name for the types whose Info has one (null for the others), "Unknown code: N" past the list. */
    private static String icmpCodeName(int type, int code) {
        String[] names = switch (type) {
            case 3 -> UNREACHABLE;
            case 5 -> new String[] {"Redirect for network", "Redirect for host", "Redirect for TOS and network", "Redirect for TOS and host"};
            case 6 -> new String[] {"Alternate address for host"};
            case 11 -> new String[] {"Time to live exceeded in transit", "Fragment reassembly time exceeded"};
            case 12 -> new String[] {"Pointer indicates the error", "Required option missing", "Bad length"};
            case 40 -> new String[] {"Bad SPI", "Authentication Failed", "Decompression Failed", "Decryption Failed",
                "Need Authentication", "Need Authorization"};
            case 42 -> new String[] {"No error"};
            case 43 -> new String[] {"No error", "Malformed Query", "No Such Interface", "No Such Table Entry",
                "Multiple Interfaces Satisfy Query"};
            default -> null;
        };
        if (names == null) return null;
        return code < names.length ? names[code] : "Unknown code: " + code;
    }

    /**
     * ICMPv6's Info as Wireshark 4.0 writes it; a message the snap length cut ends in {@link #LIMITED}
     * unless only an echo's data is missing, and names only what was captured of it.
     */
    private static String icmpv6Info(byte[] b, PacketInfo p, boolean snapCut) {
        int o = p.ipOffset + p.ipHeaderLength, have = b.length - o;
        boolean cut = snapCut && b.length < p.ipOffset + p.ipTotalLength;
        if (have < 4) return cut ? LIMITED : "ICMPv6";
        int type = b[o] & 0xFF, code = b[o + 1] & 0xFF;
        String limited = cut ? LIMITED : "";
        switch (type) {
            case 1, 3, 4 -> {
                String[] codes = type == 1
                        ? new String[] {"no route to destination", "Administratively prohibited", "Beyond scope of source address",
                            "Address unreachable", "Port unreachable", "Source address failed ingress/egress policy",
                            "Reject route to destination", "Error in Source Routing Header"}
                        : type == 3 ? new String[] {"hop limit exceeded in transit", "fragment reassembly time exceeded"}
                        : new String[] {"erroneous header field encountered", "unrecognized Next Header type encountered",
                            "unrecognized IPv6 option encountered", "IPv6 First Fragment has incomplete IPv6 Header Chain"};
                String name = type == 1 ? "Destination Unreachable" : type == 3 ? "Time Exceeded" : "Parameter Problem";
                String c = code < codes.length ? codes[code] : type == 1 ? "Unknown" : "Unknown (" + code + ")";
                return name + " (" + c + ")" + limited;
            }
            case 2 -> { return "Packet Too Big" + limited; }
            case 128, 129 -> {
                String name = type == 128 ? "Echo (ping) request" : "Echo (ping) reply";
                if (have < 8) return name + limited;
                return name + " id=0x" + String.format("%04x", Bytes.uint16(b, o + 4)) + ", seq=" + Bytes.uint16(b, o + 6)
                        + ", hop limit=" + p.ttl;
            }
            case 135, 136 -> {
                String name = type == 135 ? "Neighbor Solicitation" : "Neighbor Advertisement";
                if (have < 24) return name + limited;
                String target = IpAddr.of(b, o + 8, true).toString();
                String lla = null;
                for (int q = o + 24; q + 8 <= b.length; ) {
                    int ot = b[q] & 0xFF, ol = (b[q + 1] & 0xFF) * 8;
                    if (ol == 0) break;
                    if ((ot == 1 || ot == 2) && ol >= 8) lla = Bytes.hex(b, q + 2, 6, ':');
                    q += ol;
                }
                if (type == 135) return name + " for " + target + (lla != null ? " from " + lla : "") + limited;
                int fl = b[o + 4] & 0xFF;
                StringBuilder f = new StringBuilder();
                if ((fl & 0x80) != 0) f.append("rtr");
                if ((fl & 0x40) != 0) f.append(f.length() > 0 ? ", " : "").append("sol");
                if ((fl & 0x20) != 0) f.append(f.length() > 0 ? ", " : "").append("ovr");
                return name + " " + target + " (" + f + ")" + (lla != null ? " is at " + lla : "") + limited;
            }
            case 133 -> {
                String lla = sourceLinkLayer(b, o + 8);
                return "Router Solicitation" + (lla != null ? " from " + lla : "") + limited;
            }
            case 134 -> {
                String lla = sourceLinkLayer(b, o + 16);
                return "Router Advertisement" + (lla != null ? " from " + lla : "") + limited;
            }
            case 143 -> { return "Multicast Listener Report Message v2" + limited; }
            default -> { return "ICMPv6 type " + type + limited; }
        }
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
