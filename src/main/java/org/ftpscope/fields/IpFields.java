package org.ftpscope.fields;

import java.util.List;

import static org.ftpscope.fields.FieldType.*;

/** IPv4 and IPv6 headers, with the ICMP protocols recognised after them. */
public final class IpFields {
    private static final FieldGroup V4 = FieldGroup.protocol("ip", "Internet Protocol Version 4");
    public static final FieldDef IP = V4.protocol();
    public static final FieldDef VERSION = V4.field("ip.version", UINT, "Version");
    public static final FieldDef HDR_LEN = V4.field("ip.hdr_len", UINT, "Header Length");
    public static final FieldDef DSFIELD = V4.field("ip.dsfield", UINT, "Differentiated Services Field");
    public static final FieldDef LEN = V4.field("ip.len", UINT, "Total Length");
    public static final FieldDef ID = V4.field("ip.id", UINT, "Identification");
    public static final FieldDef FLAGS = V4.field("ip.flags", UINT, "Flags");
    public static final FieldDef FLAGS_RB = V4.field("ip.flags.rb", BOOL, "Reserved bit");
    public static final FieldDef FLAGS_DF = V4.field("ip.flags.df", BOOL, "Don't fragment");
    public static final FieldDef FLAGS_MF = V4.field("ip.flags.mf", BOOL, "More fragments");
    public static final FieldDef FRAG_OFFSET = V4.field("ip.frag_offset", UINT, "Fragment Offset");
    public static final FieldDef TTL = V4.field("ip.ttl", UINT, "Time to Live");
    public static final FieldDef PROTO = V4.field("ip.proto", UINT, "Protocol", "The next header's protocol number (6 TCP, 4 IP in IP, 41 IPv6)");
    public static final FieldDef CHECKSUM = V4.field("ip.checksum", UINT, "Header Checksum");
    public static final FieldDef SRC = V4.field("ip.src", FieldType.IP, "Source Address");
    public static final FieldDef DST = V4.field("ip.dst", FieldType.IP, "Destination Address");
    public static final FieldDef ADDR = V4.field("ip.addr", FieldType.IP, "Source or Destination Address",
            "Either address of any IPv4 header of the frame (outer tunnel headers too); not a line of the tree");

    private static final FieldGroup V6 = FieldGroup.protocol("ipv6", "Internet Protocol Version 6");
    public static final FieldDef IPV6 = V6.protocol();
    public static final FieldDef V6_VERSION = V6.field("ipv6.version", UINT, "Version");
    public static final FieldDef V6_TCLASS = V6.field("ipv6.tclass", UINT, "Traffic Class");
    public static final FieldDef V6_FLOW = V6.field("ipv6.flow", UINT, "Flow Label");
    public static final FieldDef V6_PLEN = V6.field("ipv6.plen", UINT, "Payload Length");
    public static final FieldDef V6_NXT = V6.field("ipv6.nxt", UINT, "Next Header");
    public static final FieldDef V6_HLIM = V6.field("ipv6.hlim", UINT, "Hop Limit");
    public static final FieldDef V6_SRC = V6.field("ipv6.src", FieldType.IP, "Source Address");
    public static final FieldDef V6_DST = V6.field("ipv6.dst", FieldType.IP, "Destination Address");
    public static final FieldDef V6_ADDR = V6.field("ipv6.addr", FieldType.IP, "Source or Destination Address",
            "Either address of the IPv6 header; not a line of the tree");
    public static final FieldDef V6_EXT = V6.field("ipv6.ext", NONE, "Extension headers",
            "The extension headers between the IPv6 header and the transport, as one span");

    private static final FieldGroup ICMP_G = FieldGroup.protocol("icmp", "Internet Control Message Protocol");
    public static final FieldDef ICMP = ICMP_G.protocol();
    private static final FieldGroup ICMPV6_G = FieldGroup.protocol("icmpv6", "Internet Control Message Protocol v6");
    public static final FieldDef ICMPV6 = ICMPV6_G.protocol();

    private IpFields() {}


    public static List<List<FieldDef>> all() { return List.of(V4.all(), V6.all(), ICMP_G.all(), ICMPV6_G.all()); }
}
