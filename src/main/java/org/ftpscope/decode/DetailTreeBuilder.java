package org.ftpscope.decode;

import org.ftpscope.capture.FrameIndex;
import org.ftpscope.fields.ExpertFields;
import org.ftpscope.fields.FieldDef;
import org.ftpscope.fields.FrameFields;
import org.ftpscope.fields.IpFields;
import org.ftpscope.fields.TcpFields;
import org.ftpscope.decode.link.LinkLayer;
import org.ftpscope.decode.link.LinkLayers;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.TcpPacket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A frame's detail tree as Wireshark shows it: Frame, link layer, IPv4/IPv6, TCP, then the
 * application layer. Header values come from pcap4j's decoding; every node also knows its byte
 * range, computed from the header layouts (pcap4j keeps no offsets).
 */
public final class DetailTreeBuilder {
    private static final DateTimeFormatter ARRIVAL =
            DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss.SSSSSSSSS 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DetailTreeBuilder() {}

    public static DetailNode build(int frame, FrameIndex index, byte[] b, PacketInfo p, TcpFrameContext tcp,
                                   PayloadDissector app) {
        return build(frame, index.timestampNanos(frame), index.relativeNanos(frame), index.originalLength(frame), b, p,
                tcp, app);
    }

    /** The same from the frame's timestamp, nanoseconds since the first frame and wire length directly. */
    public static DetailNode build(int frame, long ts, long relativeNanos, int wire, byte[] b, PacketInfo p,
                                   TcpFrameContext tcp, PayloadDissector app) {
        int cap = b.length;
        DetailNode.Builder root = DetailNode.builder("Frame " + frame, null, null, -1, 0);
        List<String> protocols = new ArrayList<>();
        DetailNode.Builder f = root.add(String.format(Locale.ROOT, "Frame %d: %d bytes on wire (%d bits), %d bytes captured (%d bits)",
                frame, wire, wire * 8, cap, cap * 8), FrameFields.FRAME, null, 0, cap);
        f.add("Encapsulation type: " + LinkLayers.name(p.linkType) + " (" + p.linkType + ")", FrameFields.ENCAP_TYPE,
                Integer.toString(p.linkType), -1, 0);
        f.add("Arrival Time: " + ARRIVAL.format(Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L),
                Math.floorMod(ts, 1_000_000_000L))), FrameFields.TIME, null, -1, 0);
        f.add(String.format(Locale.ROOT, "Epoch Time: %d.%09d seconds", Math.floorDiv(ts, 1_000_000_000L),
                Math.floorMod(ts, 1_000_000_000L)), FrameFields.TIME_EPOCH, null, -1, 0);
        String relative = FrameSummary.seconds(relativeNanos, 9);
        f.add("Time since reference or first frame: " + relative + " seconds", FrameFields.TIME_RELATIVE, relative, -1, 0);
        f.add("Frame Number: " + frame, FrameFields.NUMBER, Integer.toString(frame), -1, 0);
        f.add("Frame Length: " + wire + " bytes (" + wire * 8 + " bits)", FrameFields.LEN, Integer.toString(wire), -1, 0);
        f.add("Capture Length: " + cap + " bytes (" + cap * 8 + " bits)", FrameFields.CAP_LEN, Integer.toString(cap), -1, 0);
        DetailNode.Builder protoNode = f.add("", FrameFields.PROTOCOLS, null, -1, 0);
        if (tcp.copyOf() > 0) {
            // Wireshark has no such line; ftpscope's analysis skips the copy, so the tree says why.
            f.addText("[Duplicate of frame " + tcp.copyOf() + ": the same bytes, captured within "
                    + org.ftpscope.capture.DuplicateFrames.WINDOW_NANOS / 1_000_000 + " ms; not analysed again]");
        }

        // The snap length cut a header: Wireshark says so (_ws.short) and calls nothing malformed.
        boolean headerCut = wire > cap && p.cut != 0;
        if (headerCut && p.cut == PacketInfo.CUT_TCP_OPTIONS) tcp = tcp.withoutAnalysis();
        try {
            linkLayer(root, b, p, protocols);
            for (int t = 0; t < p.tunnels; t++) {
                PacketInfo outer = new PacketInfo();
                PacketDecoder.outerIpv4(p.linkType, b, 0, cap, p.tunnelOffsets[t], outer);
                ipv4(root, b, outer, protocols);
            }
            if (p.ipVersion == 4) ipv4(root, b, p, protocols);
            else if (p.ipVersion == 6) ipv6(root, b, p, protocols);
            if (p.tcp) tcp(root, b, p, tcp, protocols, wire > cap);
            else if (headerCut && p.cut == PacketInfo.CUT_TCP) cutTcp(root, b, p, protocols);
            if (p.tcp && app != null && p.capturedPayloadLength > 0) {
                int before = root.children().size();
                app.dissect(root, b, p.payloadOffset, p.capturedPayloadLength);
                for (int i = before; i < root.children().size(); i++) {
                    FieldDef field = root.children().get(i).def();
                    if (field != null) protocols.add(field.name());
                }
            }
        } catch (RuntimeException e) {
            // A dissector bug or hostile bytes must not lose the tree built so far.
            root.add("[Malformed Packet: " + e.getClass().getSimpleName() + "]", ExpertFields.MALFORMED, null, -1, 0);
        }
        if (headerCut) {
            root.add("[Packet size limited during capture: " + cutLayerName(p) + " truncated]", ExpertFields.SHORT, null, -1, 0);
        } else if (p.malformed != null) {
            root.add("[Malformed Packet: " + p.malformed + "]", ExpertFields.MALFORMED, null, -1, 0);
        }
        if (p.payloadTruncated() && !headerCut) {
            root.add("[Packet size limited during capture: " + (p.payloadLength - p.capturedPayloadLength)
                    + " bytes of payload not captured]", ExpertFields.SHORT, null, -1, 0);
        }
        String protos = String.join(":", protocols);
        protoNode.relabel("[Protocols in frame: " + protos + "]", protos);
        return root.build();
    }

    /** Wireshark's short name of the protocol whose header the snap length cut ({@link PacketInfo#cut}). */
    private static String cutLayerName(PacketInfo p) {
        return switch (p.cut) {
            case PacketInfo.CUT_LINK -> "Ethernet";
            case PacketInfo.CUT_VLAN -> "VLAN";
            case PacketInfo.CUT_IPV4 -> "IPv4";
            case PacketInfo.CUT_IPV6 -> p.ipVersion == 6 && p.ipProtocol == 0 ? "IPv6 Hop-by-Hop" : "IPv6";
            default -> "TCP";
        };
    }

    /** A TCP header cut inside its first 20 bytes: its ports, if captured, as Wireshark shows them. */
    private static void cutTcp(DetailNode.Builder root, byte[] b, PacketInfo p, List<String> protocols) {
        int o = p.cutOffset, have = b.length - o;
        if (have < 4) return;
        protocols.add(TcpFields.TCP.name());
        int sport = Bytes.uint16(b, o), dport = Bytes.uint16(b, o + 2);
        DetailNode.Builder t = root.add("Transmission Control Protocol, Src Port: " + sport + ", Dst Port: " + dport,
                TcpFields.TCP, null, o, have);
        t.add("Source Port: " + sport, TcpFields.SRCPORT, Integer.toString(sport), o, 2);
        t.add("Destination Port: " + dport, TcpFields.DSTPORT, Integer.toString(dport), o + 2, 2);
    }

    private static void linkLayer(DetailNode.Builder root, byte[] b, PacketInfo p, List<String> protocols) {
        LinkLayer link = LinkLayers.of(p.linkType);
        if (link != null) link.dissect(root, b, p, protocols);
        else root.addText("[Link type " + p.linkType + ": ftpscope does not decode it, the frame's bytes are not read]");
    }

    private static void ipv4(DetailNode.Builder root, byte[] b, PacketInfo p, List<String> protocols) {
        protocols.add(IpFields.IP.name());
        int o = p.ipOffset, ihl = p.ipHeaderLength;
        String src = p.src().toString(), dst = p.dst().toString();
        int tos = b[o + 1] & 0xFF, id = Bytes.uint16(b, o + 4), fl = Bytes.uint16(b, o + 6), ttl = p.ttl;
        int checksum = Bytes.uint16(b, o + 10);
        try {
            IpV4Packet.IpV4Header h = IpV4Packet.newPacket(b, o, Math.min(b.length - o, ihl)).getHeader();
            tos = h.getTos().value() & 0xFF;
            id = h.getIdentificationAsInt();
            ttl = h.getTtlAsInt();
            checksum = h.getHeaderChecksum() & 0xFFFF;
        } catch (Exception ignored) {
            // Header fields still come from the bytes when pcap4j rejects the packet.
        }
        DetailNode.Builder ip = root.add("Internet Protocol Version 4, Src: " + src + ", Dst: " + dst, IpFields.IP, null, o, ihl);
        ip.add("0100 .... = Version: 4", IpFields.VERSION, "4", o, 1);
        ip.add(String.format(".... %s = Header Length: %d bytes (%d)", bits4(ihl / 4), ihl, ihl / 4), IpFields.HDR_LEN,
                Integer.toString(ihl), o, 1);
        ip.add(String.format("Differentiated Services Field: 0x%02x (DSCP: %d, ECN: %d)", tos, tos >> 2, tos & 3), IpFields.DSFIELD,
                String.format("0x%02x", tos), o + 1, 1);
        ip.add("Total Length: " + p.ipTotalLength, IpFields.LEN, Integer.toString(p.ipTotalLength), o + 2, 2);
        ip.add(String.format("Identification: 0x%04x (%d)", id, id), IpFields.ID, String.format("0x%04x", id), o + 4, 2);
        String flagText = (fl & 0x4000) != 0 ? ", Don't fragment" : (fl & 0x2000) != 0 ? ", More fragments" : "";
        // Wireshark 4 shows the three flag bits as a number of their own (0x2: don't fragment).
        DetailNode.Builder flags = ip.add(String.format("Flags: 0x%x%s", fl >> 13, flagText), IpFields.FLAGS,
                String.format("0x%x", fl >> 13), o + 6, 1);
        flags.add("0... .... = Reserved bit: " + ((fl & 0x8000) != 0 ? "Set" : "Not set"), IpFields.FLAGS_RB,
                (fl & 0x8000) != 0 ? "1" : "0", o + 6, 1);
        flags.add(".1.. .... = Don't fragment: " .replace(".1..", (fl & 0x4000) != 0 ? ".1.." : ".0..")
                + ((fl & 0x4000) != 0 ? "Set" : "Not set"), IpFields.FLAGS_DF, (fl & 0x4000) != 0 ? "1" : "0", o + 6, 1);
        flags.add(((fl & 0x2000) != 0 ? "..1." : "..0.") + " .... = More fragments: " + ((fl & 0x2000) != 0 ? "Set" : "Not set"),
                IpFields.FLAGS_MF, (fl & 0x2000) != 0 ? "1" : "0", o + 6, 1);
        ip.add("Fragment Offset: " + (fl & 0x1FFF) * 8, IpFields.FRAG_OFFSET, Integer.toString((fl & 0x1FFF) * 8), o + 6, 2);
        ip.add("Time to Live: " + ttl, IpFields.TTL, Integer.toString(ttl), o + 8, 1);
        ip.add("Protocol: " + ipProtoName(p.ipProtocol) + " (" + p.ipProtocol + ")", IpFields.PROTO,
                Integer.toString(p.ipProtocol), o + 9, 1);
        ip.add(String.format("Header Checksum: 0x%04x [validation disabled]", checksum), IpFields.CHECKSUM,
                String.format("0x%04x", checksum), o + 10, 2);
        ip.add("Source Address: " + src, IpFields.SRC, src, o + 12, 4);
        ip.add("Destination Address: " + dst, IpFields.DST, dst, o + 16, 4);
    }

    private static void ipv6(DetailNode.Builder root, byte[] b, PacketInfo p, List<String> protocols) {
        protocols.add(IpFields.IPV6.name());
        int o = p.ipOffset;
        String src = p.src().toString(), dst = p.dst().toString();
        int tclass = ((Bytes.uint16(b, o) >> 4) & 0xFF);
        int flow = Bytes.int32(b, o) & 0xFFFFF;
        try {
            IpV6Packet.IpV6Header h = IpV6Packet.newPacket(b, o, Math.min(b.length - o, 40)).getHeader();
            tclass = h.getTrafficClass().value() & 0xFF;
            flow = h.getFlowLabel().value();
        } catch (Exception ignored) {
            // fall back to the bytes
        }
        DetailNode.Builder ip = root.add("Internet Protocol Version 6, Src: " + src + ", Dst: " + dst, IpFields.IPV6, null, o,
                p.ipHeaderLength);
        ip.add("0110 .... = Version: 6", IpFields.V6_VERSION, "6", o, 1);
        // The 8 bits after the version, in the first 4 bytes with the flow label (tshark's PDML: 4 bytes).
        String ecn = new String[] {"Not-ECT", "ECT(1)", "ECT(0)", "CE"}[tclass & 3];
        ip.add(String.format(".... %s %s .... .... .... .... .... = Traffic Class: 0x%02x (DSCP: %s, ECN: %s)", bits4(tclass >> 4),
                bits4(tclass), tclass, dscpName(tclass >> 2), ecn), IpFields.V6_TCLASS, String.format("0x%02x", tclass), o, 4);
        ip.add(String.format("Flow Label: 0x%05x", flow), IpFields.V6_FLOW, String.format("0x%05x", flow), o + 1, 3);
        ip.add("Payload Length: " + (p.ipTotalLength - 40), IpFields.V6_PLEN, Integer.toString(p.ipTotalLength - 40), o + 4, 2);
        int nxt = b[o + 6] & 0xFF;
        ip.add("Next Header: " + ipProtoName(nxt) + " (" + nxt + ")", IpFields.V6_NXT, Integer.toString(nxt), o + 6, 1);
        ip.add("Hop Limit: " + p.ttl, IpFields.V6_HLIM, Integer.toString(p.ttl), o + 7, 1);
        ip.add("Source Address: " + src, IpFields.V6_SRC, src, o + 8, 16);
        ip.add("Destination Address: " + dst, IpFields.V6_DST, dst, o + 24, 16);
        if (p.ipHeaderLength > 40) {
            ip.add("Extension headers (" + (p.ipHeaderLength - 40) + " bytes)", IpFields.V6_EXT, null, o + 40, p.ipHeaderLength - 40);
        }
    }

    private static void tcp(DetailNode.Builder root, byte[] b, PacketInfo p, TcpFrameContext ctx, List<String> protocols,
                            boolean snapCut) {
        protocols.add(TcpFields.TCP.name());
        int o = p.tcpOffset, hl = p.tcpHeaderLength;
        boolean rel = ctx.stream() >= 0;
        long seq = rel ? (p.seq - ctx.seqBase()) & 0xFFFFFFFFL : p.seq;
        long ack = rel && ctx.ackBase() >= 0 ? (p.ack - ctx.ackBase()) & 0xFFFFFFFFL : p.ack;
        int checksum = Bytes.uint16(b, o + 16), urgent = Bytes.uint16(b, o + 18), window = p.window;
        try {
            TcpPacket.TcpHeader h = TcpPacket.newPacket(b, o, Math.min(hl, b.length - o)).getHeader();
            checksum = h.getChecksum() & 0xFFFF;
            urgent = h.getUrgentPointerAsInt();
            window = h.getWindowAsInt();
        } catch (Exception ignored) {
            // fall back to the bytes
        }
        DetailNode.Builder t = root.add("Transmission Control Protocol, Src Port: " + p.srcPort + ", Dst Port: " + p.dstPort
                + ", Seq: " + seq + (p.has(PacketInfo.ACK) ? ", Ack: " + ack : "") + ", Len: " + p.payloadLength, TcpFields.TCP, null, o, hl);
        t.add("Source Port: " + p.srcPort, TcpFields.SRCPORT, Integer.toString(p.srcPort), o, 2);
        t.add("Destination Port: " + p.dstPort, TcpFields.DSTPORT, Integer.toString(p.dstPort), o + 2, 2);
        if (ctx.stream() >= 0) t.add("[Stream index: " + ctx.stream() + "]", TcpFields.STREAM, Integer.toString(ctx.stream()), -1, 0);
        t.add("[TCP Segment Len: " + p.payloadLength + "]", TcpFields.LEN, Integer.toString(p.payloadLength), -1, 0);
        t.add("Sequence Number: " + seq + (rel ? "    (relative sequence number)" : ""), TcpFields.SEQ, Long.toString(seq), o + 4, 4);
        t.add("Sequence Number (raw): " + p.seq, TcpFields.SEQ_RAW, Long.toString(p.seq), o + 4, 4);
        long next = seq + p.payloadLength + (p.has(PacketInfo.SYN) ? 1 : 0) + (p.has(PacketInfo.FIN) ? 1 : 0);
        t.add("[Next Sequence Number: " + next + (rel ? "    (relative sequence number)]" : "]"), TcpFields.NXTSEQ,
                Long.toString(next), -1, 0);
        // As Wireshark 4, the field is shown without the ACK flag too, then as sent (a SYN's is 0).
        boolean relAck = rel && ctx.ackBase() >= 0 && p.has(PacketInfo.ACK);
        long shownAck = p.has(PacketInfo.ACK) ? ack : p.ack;
        t.add("Acknowledgment Number: " + shownAck + (relAck ? "    (relative ack number)" : ""), TcpFields.ACK,
                Long.toString(shownAck), o + 8, 4);
        t.add("Acknowledgment number (raw): " + p.ack, TcpFields.ACK_RAW, Long.toString(p.ack), o + 8, 4);
        t.add(String.format("%s .... = Header Length: %d bytes (%d)", bits4(hl / 4), hl, hl / 4), TcpFields.HDR_LEN,
                Integer.toString(hl), o + 12, 1);
        DetailNode.Builder fl = t.add(String.format("Flags: 0x%03x (%s)", p.flags, FrameSummarizer.flagNames(p.flags)),
                TcpFields.FLAGS, String.format("0x%03x", p.flags), o + 12, 2);
        FieldDef[] flagFields = {TcpFields.FLAGS_AE, TcpFields.FLAGS_CWR, TcpFields.FLAGS_ECE, TcpFields.FLAGS_URG,
            TcpFields.FLAGS_ACK, TcpFields.FLAGS_PUSH, TcpFields.FLAGS_RESET, TcpFields.FLAGS_SYN, TcpFields.FLAGS_FIN};
        for (int i = 0; i < flagFields.length; i++) {
            int bit = flagFields.length - 1 - i;
            boolean set = (p.flags & (1 << bit)) != 0;
            // As tshark's PDML: the AE bit is in the header's 13th byte, the eight others in the 14th.
            fl.add(bits12(bit, set) + " = " + flagFields[i].label() + ": " + (set ? "Set" : "Not set"), flagFields[i],
                    set ? "1" : "0", bit == 8 ? o + 12 : o + 13, 1);
        }
        t.add("Window: " + window, TcpFields.WINDOW_SIZE_VALUE, Integer.toString(window), o + 14, 2);
        long calc = !p.has(PacketInfo.SYN) && ctx.windowShift() >= 0 ? (long) window << ctx.windowShift() : window;
        t.add("[Calculated window size: " + calc + "]", TcpFields.WINDOW_SIZE, Long.toString(calc), -1, 0);
        if (!p.has(PacketInfo.SYN)) {
            String factor = ctx.windowShift() >= 0 ? Integer.toString(1 << ctx.windowShift()) : "-1";
            t.add("[Window size scaling factor: " + factor + (ctx.windowShift() >= 0 ? "]" : " (unknown)]"),
                    TcpFields.WINDOW_SIZE_SCALEFACTOR, factor, -1, 0);
        }
        t.add(String.format("Checksum: 0x%04x [unverified]", checksum), TcpFields.CHECKSUM, String.format("0x%04x", checksum), o + 16, 2);
        t.add("Urgent Pointer: " + urgent, TcpFields.URGENT_POINTER, Integer.toString(urgent), o + 18, 2);
        if (hl > 20) options(t, b, p, ctx, snapCut);
        if (ctx.analysisFlags() != 0) {
            DetailNode.Builder a = t.add("[SEQ/ACK analysis]", TcpFields.ANALYSIS, null, -1, 0);
            DetailNode.Builder flags = a.add("[TCP Analysis Flags]", TcpFields.ANALYSIS_FLAGS, null, -1, 0);
            for (int bit : TcpAnalysisFlags.allBits()) {
                if ((ctx.analysisFlags() & bit) != 0) {
                    flags.add("[Expert Info: " + TcpAnalysisFlags.expertText(bit) + "]", TcpAnalysisFlags.field(bit), "1", -1, 0);
                }
            }
            if (ctx.duplicateAckCount() > 0) {
                a.add("[This is a TCP duplicate ack]", null, null, -1, 0);
                a.add("[Duplicate ACK #: " + ctx.duplicateAckCount() + "]", TcpFields.ANALYSIS_DUPLICATE_ACK_NUM,
                        Integer.toString(ctx.duplicateAckCount()), -1, 0);
                a.add("[Duplicate to the ACK in frame: " + ctx.duplicateAckOf() + "]", TcpFields.ANALYSIS_DUPLICATE_ACK_FRAME,
                        Integer.toString(ctx.duplicateAckOf()), -1, 0);
            }
        }
        if (p.capturedPayloadLength > 0) {
            t.add("TCP payload (" + p.capturedPayloadLength + " bytes)", TcpFields.PAYLOAD, null, p.payloadOffset, p.capturedPayloadLength);
        }
    }

    private static void options(DetailNode.Builder t, byte[] b, PacketInfo p, TcpFrameContext ctx, boolean snapCut) {
        int start = p.tcpOffset + 20, end = Math.min(p.tcpOffset + p.tcpHeaderLength, b.length);
        List<String> names = new ArrayList<>();
        DetailNode.Builder opts = t.add("", TcpFields.OPTIONS, null, start, end - start);
        for (int o = start; o < end; ) {
            int kind = b[o] & 0xFF;
            if (kind == 0) {
                opts.add("TCP Option - End of Option List (EOL)", TcpFields.OPTIONS_EOL, null, o, 1)
                        .add("Kind: End of Option List (0)", TcpFields.OPTION_KIND, "0", o, 1);
                names.add("End of Option List (EOL)");
                break;
            }
            if (kind == 1) {
                opts.add("TCP Option - No-Operation (NOP)", TcpFields.OPTIONS_NOP, null, o, 1)
                        .add("Kind: No-Operation (1)", TcpFields.OPTION_KIND, "1", o, 1);
                names.add("No-Operation (NOP)");
                o++;
                continue;
            }
            if (o + 1 >= end) break;
            int len = b[o + 1] & 0xFF;
            if (len < 2 || o + len > end) {
                // An option the snap length cut inside the header is not malformed (the frame says so once).
                boolean cutHere = snapCut && len >= 2 && end == b.length && o + len <= p.tcpOffset + p.tcpHeaderLength;
                if (!cutHere) {
                    opts.add("[Malformed option: length " + len + "]", ExpertFields.MALFORMED, null, o, end - o);
                }
                break;
            }
            DetailNode.Builder option = switch (kind) {
                case 2 -> {
                    names.add("Maximum segment size");
                    DetailNode.Builder n = opts.add("TCP Option - Maximum segment size: " + Bytes.uint16(b, o + 2) + " bytes",
                            TcpFields.OPTIONS_MSS, null, o, len);
                    n.add("MSS Value: " + Bytes.uint16(b, o + 2), TcpFields.OPTIONS_MSS_VAL, Integer.toString(Bytes.uint16(b, o + 2)), o + 2, 2);
                    yield n;
                }
                case 3 -> {
                    int shift = b[o + 2] & 0xFF;
                    names.add("Window scale");
                    DetailNode.Builder n = opts.add("TCP Option - Window scale: " + shift + " (multiply by " + (1 << Math.min(shift, 14)) + ")",
                            TcpFields.OPTIONS_WSCALE, null, o, len);
                    n.add("Shift count: " + shift, TcpFields.OPTIONS_WSCALE_SHIFT, Integer.toString(shift), o + 2, 1);
                    n.add("[Multiplier: " + (1 << Math.min(shift, 14)) + "]", TcpFields.OPTIONS_WSCALE_MULTIPLIER,
                            Integer.toString(1 << Math.min(shift, 14)), -1, 0);
                    yield n;
                }
                case 4 -> {
                    names.add("SACK permitted");
                    yield opts.add("TCP Option - SACK permitted", TcpFields.OPTIONS_SACK_PERM, null, o, len);
                }
                case 5 -> {
                    names.add("SACK");
                    DetailNode.Builder n = opts.add("TCP Option - SACK", TcpFields.OPTIONS_SACK, null, o, len);
                    // The edges are in the acknowledged direction's numbers: relative to its first, as tcp.ack.
                    boolean rel = ctx.stream() >= 0 && ctx.ackBase() >= 0;
                    String how = rel ? " (relative)" : " (raw)";
                    StringBuilder blocks = new StringBuilder("TCP Option - SACK");
                    for (int q = o + 2; q + 8 <= o + len; q += 8) {
                        long le = rel ? (Bytes.uint32(b, q) - ctx.ackBase()) & 0xFFFFFFFFL : Bytes.uint32(b, q);
                        long re = rel ? (Bytes.uint32(b, q + 4) - ctx.ackBase()) & 0xFFFFFFFFL : Bytes.uint32(b, q + 4);
                        n.add("left edge = " + le + how, TcpFields.OPTIONS_SACK_LE, Long.toString(le), q, 4);
                        n.add("right edge = " + re + how, TcpFields.OPTIONS_SACK_RE, Long.toString(re), q + 4, 4);
                        blocks.append(' ').append(le).append('-').append(re);
                    }
                    n.relabel(blocks.toString()); // Wireshark's line names the blocks: "TCP Option - SACK 284-384"
                    yield n;
                }
                case 8 -> {
                    names.add("Timestamps");
                    DetailNode.Builder n = null;
                    if (len == 10) {
                        n = opts.add("TCP Option - Timestamps: TSval " + Bytes.uint32(b, o + 2) + ", TSecr "
                                + Bytes.uint32(b, o + 6), TcpFields.OPTIONS_TIMESTAMP, null, o, len);
                        n.add("Timestamp value: " + Bytes.uint32(b, o + 2), TcpFields.OPTIONS_TSVAL,
                                Long.toString(Bytes.uint32(b, o + 2)), o + 2, 4);
                        n.add("Timestamp echo reply: " + Bytes.uint32(b, o + 6), TcpFields.OPTIONS_TSECR,
                                Long.toString(Bytes.uint32(b, o + 6)), o + 6, 4);
                    }
                    yield n;
                }
                default -> {
                    names.add("Unknown (" + kind + ")");
                    opts.add("TCP Option - Unknown (" + kind + "), " + len + " bytes", TcpFields.OPTION_KIND, Integer.toString(kind), o, len);
                    yield null;
                }
            };
            if (option != null) option.add("Kind: " + names.get(names.size() - 1) + " (" + kind + ")", TcpFields.OPTION_KIND,
                    Integer.toString(kind), o, 1);
            o += len;
        }
        // Wireshark's summary line names the options, known only now.
        // The header's option length, captured or not (Wireshark's label); the node covers the captured bytes.
        int declared = p.tcpHeaderLength - 20;
        opts.relabel("Options: (" + declared + " bytes)" + (names.isEmpty() ? "" : ", " + String.join(", ", names)));
    }

    /** Wireshark's picture of one bit among the 12 flag bits: {@code ...1 .... ....} for AE set. */
    static String bits12(int bit, boolean set) {
        StringBuilder sb = new StringBuilder(14);
        for (int i = 11; i >= 0; i--) {
            sb.append(i == bit ? (set ? '1' : '0') : '.');
            if (i % 4 == 0 && i > 0) sb.append(' ');
        }
        return sb.toString();
    }

    /** Wireshark's names of the DSCP code points it knows, "Unknown" for the others. */
    static String dscpName(int dscp) {
        return switch (dscp) {
            case 0 -> "CS0";
            case 1 -> "LE";
            case 8 -> "CS1";
            case 10 -> "AF11";
            case 12 -> "AF12";
            case 14 -> "AF13";
            case 16 -> "CS2";
            case 18 -> "AF21";
            case 20 -> "AF22";
            case 22 -> "AF23";
            case 24 -> "CS3";
            case 26 -> "AF31";
            case 28 -> "AF32";
            case 30 -> "AF33";
            case 32 -> "CS4";
            case 34 -> "AF41";
            case 36 -> "AF42";
            case 38 -> "AF43";
            case 40 -> "CS5";
            case 44 -> "VOICE-ADMIT";
            case 46 -> "EF PHB";
            case 48 -> "CS6";
            case 56 -> "CS7";
            default -> "Unknown";
        };
    }

    static String bits4(int v) {
        String s = Integer.toBinaryString(v & 0xF);
        return "0".repeat(4 - s.length()) + s;
    }

    static String ipProtoName(int p) {
        return switch (p) {
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 1 -> "ICMP";
            case 58 -> "ICMPv6";
            case 4 -> "IPIP";
            case 41 -> "IPv6";
            case 0 -> "IPv6 Hop-by-Hop Option";
            case 43 -> "Routing Header for IPv6";
            case 44 -> "Fragment Header for IPv6";
            default -> "Unknown";
        };
    }
}
