package org.ftpscope.filter;

import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of filterable fields, shared by the filter engine, the detail tree and "Apply as Filter". */
public final class Fields {
    private static final Map<String, Field> ALL = new LinkedHashMap<>();

    static {
        for (String p : new String[] {"frame", "eth", "arp", "ip", "ipv6", "icmp", "icmpv6", "tcp", "udp", "ftp", "ftp-data"}) {
            add(p, FieldType.PROTOCOL, p.toUpperCase());
        }
        add("frame.number", FieldType.UINT, "Frame Number");
        add("frame.len", FieldType.UINT, "Frame Length");
        add("frame.cap_len", FieldType.UINT, "Capture Length");
        add("frame.time_relative", FieldType.DOUBLE, "Time since reference or first frame");
        add("ip.addr", FieldType.IP, "Source or Destination Address");
        add("ip.src", FieldType.IP, "Source Address");
        add("ip.dst", FieldType.IP, "Destination Address");
        add("ip.ttl", FieldType.UINT, "Time to Live");
        add("ip.proto", FieldType.UINT, "Protocol");
        add("ipv6.addr", FieldType.IP, "Source or Destination Address");
        add("ipv6.src", FieldType.IP, "Source Address");
        add("ipv6.dst", FieldType.IP, "Destination Address");
        add("tcp.port", FieldType.UINT, "Source or Destination Port");
        add("tcp.srcport", FieldType.UINT, "Source Port");
        add("tcp.dstport", FieldType.UINT, "Destination Port");
        add("tcp.stream", FieldType.UINT, "Stream index");
        add("tcp.len", FieldType.UINT, "TCP Segment Len");
        add("tcp.seq", FieldType.UINT, "Sequence Number");
        add("tcp.ack", FieldType.UINT, "Acknowledgment Number");
        add("tcp.window_size_value", FieldType.UINT, "Window");
        add("tcp.flags.syn", FieldType.BOOL, "Syn");
        add("tcp.flags.ack", FieldType.BOOL, "Acknowledgment");
        add("tcp.flags.fin", FieldType.BOOL, "Fin");
        add("tcp.flags.reset", FieldType.BOOL, "Reset");
        add("tcp.flags.push", FieldType.BOOL, "Push");
        add("tcp.analysis.flags", FieldType.BOOL, "TCP Analysis Flags");
        add("tcp.analysis.retransmission", FieldType.BOOL, "Retransmission");
        add("tcp.analysis.out_of_order", FieldType.BOOL, "Out-Of-Order");
        add("tcp.analysis.lost_segment", FieldType.BOOL, "Previous segment not captured");
        add("tcp.analysis.duplicate_ack", FieldType.BOOL, "Duplicate ACK");
        add("tcp.analysis.fast_retransmission", FieldType.BOOL, "Fast Retransmission");
        add("tcp.analysis.zero_window", FieldType.BOOL, "Zero Window");
        add("udp.port", FieldType.UINT, "Source or Destination Port");
        add("ftp.request", FieldType.BOOL, "Request");
        add("ftp.response", FieldType.BOOL, "Response");
        add("ftp.request.command", FieldType.STRING, "Request command");
        add("ftp.request.arg", FieldType.STRING, "Request arg");
        add("ftp.response.code", FieldType.UINT, "Response code");
        add("ftp.response.arg", FieldType.STRING, "Response arg");
        add("ftp.passive.ip", FieldType.IP, "Passive IP address");
        add("ftp.passive.port", FieldType.UINT, "Passive port");
        add("ftp.active.cip", FieldType.IP, "Active IP address");
        add("ftp.active.port", FieldType.UINT, "Active port");
        add("ftp.epsv.port", FieldType.UINT, "Extended passive port");
        add("ftp.eprt.port", FieldType.UINT, "Extended active port");
        add("ftp.session", FieldType.UINT, "FTP session");
        add("ftp-data.setup-frame", FieldType.UINT, "Setup frame");
        add("ftp-data.command", FieldType.STRING, "Command");
        add("ftp-data.command-frame", FieldType.UINT, "Command frame");
    }

    private Fields() {}

    private static void add(String name, FieldType t, String label) { ALL.put(name, new Field(name, t, label)); }

    public static Field get(String name) { return ALL.get(name); }

    public static Iterable<Field> all() { return ALL.values(); }
}
