package org.ftpscope.present;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.FrameSummarizer;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpFrameContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Frames whose headers the snap length cut (samples/derive-columns.sh: editcap -s N of real recordings)
 * are listed as tshark 4.0.17 lists them, "[Packet size limited during capture]", never as malformed;
 * FramesMatchTsharkTest compares every frame of these captures, this test names the cases.
 */
class SnaplenCutFramesTest {

    private static String row(FrameSummary s) {
        return String.join("\t", s.source(), s.destination(), s.protocol(), s.info());
    }

    @Test
    void tcpOptionsCutInThe6in4Tunnel() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/tunnel-6in4-s96.pcap"))) {
            FrameViews v = new FrameViews(a);
            assertEquals("2001:db8:66::10\t2001:db8:2::21\tTCP\t56306 → 21 [SYN] Seq=0 Win=65320 Len=0[Packet size limited during capture]",
                    row(v.summary(3)));
            assertEquals("Multicast Listener Report Message v2[Packet size limited during capture]", v.summary(1).info());
            DetailNode tree = v.tree(3);
            DetailNode options = tree.find("tcp.options");
            assertEquals("Options: (20 bytes)", options.label(), "the header's option length, as tshark's");
            assertEquals(94, options.offset());
            assertEquals(2, options.length(), "the captured bytes");
            assertEquals("[Packet size limited during capture: TCP truncated]", tree.find("_ws.short").label());
            assertNull(tree.find("_ws.malformed"));
        }
    }

    @Test
    void eachCutHeaderAsTsharkListsIt() throws Exception {
        assertEquals("192.0.2.10\t198.51.100.21\tTCP\t40236 → 21 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM"
                + "[Packet size limited during capture]", row("pasv-curl-s60.pcap", 3));
        assertEquals("198.51.100.21\t192.0.2.10\tTCP\t21 → 40236[Packet size limited during capture]", row("pasv-curl-s40.pcap", 4));
        assertEquals("192.0.2.10\tca:ab:ab:38:aa:ae\tIPv4\t[Packet size limited during capture]", row("pasv-curl-s30.pcap", 3),
                "the source address was captured, the destination was not");
        assertEquals("b2:38:21:7e:32:cd\tBroadcast\tARP\t[Packet size limited during capture]", row("pasv-curl-s30.pcap", 1));
        assertEquals("\tBroadcast\tEthernet\t[Packet size limited during capture]", row("pasv-curl-s10.pcap", 1));
        assertEquals("66:2f:89:a1:bc:13\tBroadcast\tVLAN\tPRI: 0  DEI: 0  ID: 100[Packet size limited during capture]",
                row("vlan-s16.pcap", 1));
        assertEquals("fe80::b038:21ff:fe7e:32cd\tff02::1:ff00:21\tICMPv6\tNeighbor Solicitation[Packet size limited during capture]",
                row("ipv6-eprt-epsv-s60.pcap", 1));
        assertEquals("192.0.2.1\t192.0.2.10\tICMP\tDestination unreachable (Host unreachable)[Packet size limited during capture]",
                row("server-unreachable-s60.pcap", 15));
        // Its SYN retransmissions: Wireshark's dissector stops in the options, before the SEQ/ACK analysis.
        assertEquals("192.0.2.10\t198.51.100.21\tTCP\t59636 → 21 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM"
                + "[Packet size limited during capture]", row("server-unreachable-s60.pcap", 4));
    }

    @Test
    void theTreeOfACutTcpHeaderShowsItsPorts() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-s40.pcap"))) {
            DetailNode tree = new FrameViews(a).tree(4);
            DetailNode tcp = tree.find("tcp");
            assertEquals("Transmission Control Protocol, Src Port: 21, Dst Port: 40236", tcp.label());
            assertEquals(34, tcp.offset());
            assertEquals(6, tcp.length());
            assertEquals("40236", tree.find("tcp.dstport").value());
            assertEquals("[Packet size limited during capture: TCP truncated]", tree.find("_ws.short").label());
            assertNull(tree.find("_ws.malformed"));
        }
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-s30.pcap"))) {
            DetailNode tree = new FrameViews(a).tree(3);
            assertEquals("[Packet size limited during capture: IPv4 truncated]", tree.find("_ws.short").label());
            assertNull(tree.find("_ws.malformed"));
        }
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/server-unreachable-s60.pcap"))) {
            assertNull(new FrameViews(a).tree(4).find("tcp.analysis"), "no SEQ/ACK analysis, as tshark");
        }
    }

    /** A frame that ends inside its TCP header without a snap length (as long on the wire as captured) is malformed. */
    @Test
    void aFrameEndingInItsHeaderIsStillMalformed() throws Exception {
        byte[] whole;
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            whole = new FrameViews(a).decode(4).bytes();
        }
        byte[] b = Arrays.copyOf(whole, 40);
        PacketInfo p = new PacketInfo();
        PacketDecoder.decode(1, b, 0, b.length, p);
        FrameSummary notCut = FrameSummarizer.summarize(4, 0, 6, 40, b, p, TcpFrameContext.UNKNOWN, null);
        assertEquals("IPv4\t[Malformed Packet: TCP header cut short]", notCut.protocol() + "\t" + notCut.info());
        FrameSummary cut = FrameSummarizer.summarize(4, 0, 6, 74, b, p, TcpFrameContext.UNKNOWN, null);
        assertEquals("TCP\t21 → 40236[Packet size limited during capture]", cut.protocol() + "\t" + cut.info());
    }

    private static String row(String derived, int frame) throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/" + derived))) {
            return row(new FrameViews(a).summary(frame));
        }
    }
}
