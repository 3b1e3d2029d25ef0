package org.ftpscope.present;

import org.ftpscope.decode.link.LinkLayer;
import org.ftpscope.decode.link.LinkLayers;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpAnalysisFlags;

/**
 * Wireshark's default colouring rules (its {@code colorfilters} file), in its order, for the
 * protocols ftpscope decodes: the first rule a frame matches colours its row. Wireshark has no
 * FTP rule, so FTP and FTP-DATA rows are TCP's lavender, as there. Colours are Wireshark's,
 * converted from its 16-bit triples.
 */
public enum ColouringRule {
    BAD_TCP("Bad TCP", "tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive && !tcp.analysis.keep_alive_ack",
            "#12272e", "#f78787"),
    ICMP_ERRORS("ICMP errors", "icmp.type in { 3..5, 11 } || icmpv6.type in { 1..4 }", "#12272e", "#b7f774"),
    ARP("ARP", "arp", "#faf0d7", "#12272e"),
    ICMP("ICMP", "icmp || icmpv6", "#fce0ff", "#12272e"),
    TCP_RST("TCP RST", "tcp.flags.reset eq 1", "#a40000", "#fffc9c"),
    TTL_LOW("TTL low or unexpected", "! ip.dst == 224.0.0.0/4 && ip.ttl < 5 && !pim && !ospf", "#a40000", "#ecf0eb"),
    TCP_SYN_FIN("TCP SYN/FIN", "tcp.flags & 0x02 || tcp.flags.fin == 1", "#a0a0a0", "#12272e"),
    TCP("TCP", "tcp", "#e6e6ff", "#12272e"),
    UDP("UDP", "udp", "#daeeff", "#12272e"),
    BROADCAST("Broadcast", "eth[0] & 1", "#ffffff", "#babdb6");

    private final String title;
    private final String filter;
    private final String background;
    private final String foreground;

    ColouringRule(String title, String filter, String background, String foreground) {
        this.title = title;
        this.filter = filter;
        this.background = background;
        this.foreground = foreground;
    }

    public String title() { return title; }

    /** Wireshark's filter for the rule, as its colouring-rules dialog shows it. */
    public String filter() { return filter; }

    public String background() { return background; }

    public String foreground() { return foreground; }

    /** The CSS pseudo-class name the frame table uses for the rule. */
    public String cssName() { return "rule-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    private static final int NOT_BAD = TcpAnalysisFlags.KEEP_ALIVE | TcpAnalysisFlags.WINDOW_UPDATE;
    private static final int IP_ICMP = 1, IP_ICMPV6 = 58, IP_OSPF = 89, IP_PIM = 103;

    /** The first rule the frame matches, or null (drawn without colour). */
    public static ColouringRule match(PacketInfo p, int analysisFlags, byte[] frame, int linkType) {
        if (p.tcp && (analysisFlags & ~NOT_BAD) != 0) return BAD_TCP;
        int icmpType = icmpType(p, frame);
        if (p.ipProtocol == IP_ICMP && p.ipVersion == 4 && (icmpType >= 3 && icmpType <= 5 || icmpType == 11)) return ICMP_ERRORS;
        if (p.ipProtocol == IP_ICMPV6 && p.ipVersion == 6 && icmpType >= 1 && icmpType <= 4) return ICMP_ERRORS;
        if (p.etherType == 0x0806) return ARP;
        if (p.ipVersion == 4 && p.ipProtocol == IP_ICMP || p.ipVersion == 6 && p.ipProtocol == IP_ICMPV6) return ICMP;
        if (p.tcp && p.has(PacketInfo.RST)) return TCP_RST;
        if (p.ipVersion == 4 && p.ttl < 5 && (p.dstLo >>> 28) != 0xE && p.ipProtocol != IP_PIM && p.ipProtocol != IP_OSPF) {
            return TTL_LOW;
        }
        if (p.tcp && (p.has(PacketInfo.SYN) || p.has(PacketInfo.FIN))) return TCP_SYN_FIN;
        if (p.tcp) return TCP;
        if (p.udp) return UDP;
        LinkLayer link = LinkLayers.of(linkType);
        return link != null && link.groupAddressed(frame) ? BROADCAST : null;
    }

    private static int icmpType(PacketInfo p, byte[] frame) {
        if (p.ipVersion == 0 || p.ipFragment) return -1;
        int at = p.ipOffset + p.ipHeaderLength;
        return at >= 0 && at < frame.length ? frame[at] & 0xFF : -1;
    }
}
