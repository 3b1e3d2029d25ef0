package org.ftpscope.filter;

import org.ftpscope.fields.FieldDef;
import org.ftpscope.fields.FieldType;

import java.util.HashMap;
import java.util.Map;

/**
 * What Wireshark 4.0.17 ({@code tshark -G fields}) declares for the fields whose ftpscope type is
 * coarser than the filter language needs: the width of each integer (the largest literal it takes,
 * and what {@code len()} answers), whether an address field is IPv4 or IPv6, and which flags are
 * labels ({@code FT_NONE}: present or absent, never compared). A field tshark lacks gets the
 * widest type its values need.
 */
final class WiresharkTypes {
    private WiresharkTypes() {}

    /** An integer type: the range of literals it accepts and its size in bytes. */
    enum Int {
        UINT8(0, 0xFFL, 1), UINT16(0, 0xFFFFL, 2), UINT24(0, 0xFFFFFFL, 3), UINT32(0, 0xFFFFFFFFL, 4),
        INT16(Short.MIN_VALUE, Short.MAX_VALUE, 2), INT32(Integer.MIN_VALUE, Integer.MAX_VALUE, 4);

        final long min, max;
        final int bytes;

        Int(long min, long max, int bytes) {
            this.min = min;
            this.max = max;
            this.bytes = bytes;
        }

        boolean signed() { return min < 0; }
    }

    /** The address family of an IP field; ANY for ftpscope's own fields (LPRT/LPSV name either). */
    enum Family { V4, V6, ANY }

    private static final Map<String, Int> INTS = new HashMap<>();
    private static final Map<String, Family> FAMILIES = new HashMap<>();
    private static final java.util.Set<String> LABELS = new java.util.HashSet<>();

    private static void ints(Int t, String... names) {
        for (String n : names) INTS.put(n, t);
    }

    static {
        ints(Int.UINT8, "ip.dsfield", "ip.flags", "ip.hdr_len", "ip.proto", "ip.ttl", "ip.version", "ipv6.hlim", "ipv6.nxt",
                "ipv6.version", "tcp.hdr_len", "tcp.option_kind", "tcp.options.wscale.shift");
        ints(Int.UINT16, "eth.type", "ftp.active.port", "ftp.eprt.port", "ftp.epsv.port", "ftp.passive.port", "ip.checksum",
                "ip.frag_offset", "ip.id", "ip.len", "ipv6.plen", "sll.etype", "sll.halen", "sll.hatype", "sll.pkttype",
                "tcp.checksum", "tcp.dstport", "tcp.flags", "tcp.options.mss_val", "tcp.options.wscale.multiplier", "tcp.port",
                "tcp.srcport", "tcp.urgent_pointer", "tcp.window_size_value", "udp.port", "vlan.etype", "vlan.id",
                "vlan.priority", "ftp-data.port");
        ints(Int.UINT24, "ipv6.flow");
        // FT_FRAMENUM is 32 bits as well.
        ints(Int.UINT32, "frame.cap_len", "frame.len", "frame.number", "ftp.response.code", "ipv6.tclass", "sll.ifindex",
                "tcp.ack", "tcp.ack_raw", "tcp.analysis.duplicate_ack_num", "tcp.len", "tcp.nxtseq", "tcp.options.sack_le",
                "tcp.options.sack_re", "tcp.options.timestamp.tsecr", "tcp.options.timestamp.tsval", "tcp.seq", "tcp.seq_raw",
                "tcp.stream", "tcp.window_size", "ftp-data.command-frame", "ftp-data.setup-frame",
                "tcp.analysis.duplicate_ack_frame", "ftp.lprt.port", "ftp.lpsv.port", "ftp.session");
        ints(Int.INT16, "frame.encap_type");
        ints(Int.INT32, "tcp.window_size_scalefactor");
        for (String n : new String[] {"ip.src", "ip.dst", "ip.addr", "ftp.passive.ip", "ftp.active.cip", "ftp.eprt.ip"}) {
            FAMILIES.put(n, Family.V4);
        }
        for (String n : new String[] {"ipv6.src", "ipv6.dst", "ipv6.addr", "ftp.eprt.ipv6"}) FAMILIES.put(n, Family.V6);
        for (String n : new String[] {"ftp.lprt.ip", "ftp.lpsv.ip"}) FAMILIES.put(n, Family.ANY);
        java.util.Collections.addAll(LABELS, "tcp.analysis.flags", "tcp.analysis.reused_ports", "tcp.analysis.lost_segment",
                "tcp.analysis.ack_lost_segment", "tcp.analysis.spurious_retransmission", "tcp.analysis.fast_retransmission",
                "tcp.analysis.retransmission", "tcp.analysis.out_of_order", "tcp.analysis.duplicate_ack",
                "tcp.analysis.window_full", "tcp.analysis.zero_window_probe", "tcp.analysis.zero_window",
                "tcp.analysis.keep_alive", "tcp.analysis.window_update");
    }

    /** The integer type of a UINT field (32 bits unsigned when the table does not name it). */
    static Int intType(FieldDef f) { return INTS.getOrDefault(f.name(), Int.UINT32); }

    /** Whether the table names the field's width (a test checks every UINT field is named). */
    static boolean knowsInt(FieldDef f) { return INTS.containsKey(f.name()); }

    /** The family of an IP field (ANY when the table does not name it). */
    static Family family(FieldDef f) { return FAMILIES.getOrDefault(f.name(), Family.ANY); }

    static boolean knowsFamily(FieldDef f) { return FAMILIES.containsKey(f.name()); }

    /** A flag Wireshark declares as a label (FT_NONE): tested for presence only. */
    static boolean label(FieldDef f) { return f.type() == FieldType.BOOL && LABELS.contains(f.name()); }
}
