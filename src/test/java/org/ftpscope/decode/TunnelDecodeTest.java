package org.ftpscope.decode;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.decode.link.Ethernet;
import org.ftpscope.filter.AnalysisFields;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.present.FrameViews;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IPv6 tunnelled in IPv4 (6in4, protocol 41; issue 18 item 13) on a real recording (samples/tunnel-6in4.pcap:
 * curl over a sit tunnel). Expected values are tshark 4.0.17's.
 */
class TunnelDecodeTest {

    @Test
    void sixInFourIsDecodedThroughToTcp() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("tunnel-6in4.pcap"))) {
            FrameViews v = new FrameViews(a);
            FrameSummary s = v.summary(3);
            assertEquals("2001:db8:66::10", s.source());
            assertEquals("2001:db8:2::21", s.destination());
            assertEquals("TCP", s.protocol());
            assertEquals("56306 → 21 [SYN] Seq=0 Win=65320 Len=0 MSS=1420 SACK_PERM TSval=681327251 TSecr=0 WS=1024", s.info());

            DetailNode tree = v.tree(3);
            assertEquals("eth:ethertype:ip:ipv6:tcp", tree.find("frame.protocols").value());
            DetailNode outer = tree.find("ip");
            assertEquals("Internet Protocol Version 4, Src: 192.0.2.10, Dst: 192.0.2.1", outer.label());
            assertEquals(14, outer.offset());
            assertEquals("41", tree.find("ip.proto").value());
            DetailNode inner = tree.find("ipv6");
            assertEquals("Internet Protocol Version 6, Src: 2001:db8:66::10, Dst: 2001:db8:2::21", inner.label());
            assertEquals(34, inner.offset());

            // Two curl runs over the tunnel (EPSV, then EPRT), with the client's and server's IPv6 addresses.
            assertEquals(2, a.sessions().size());
            assertEquals("2001:db8:66::10", a.sessions().get(0).client().ip().toString());
            assertEquals("2001:db8:2::21", a.sessions().get(1).server().ip().toString());
            assertEquals(2, a.sessions().get(0).transfers().size());
            assertEquals(1, a.sessions().get(1).transfers().size());
            // Frame 142 carries the EPRT data channel's 900 bytes: tshark 4.0.17 shows it as plain TCP (it
            // sets no conversation for an EPRT to an IPv6 address), ftpscope as FTP-DATA of that EPRT.
            assertEquals("FTP-DATA", v.summary(142).protocol());

            // Frame counts as tshark -Y gives them for the same filters.
            assertEquals(34, run(a, "ip.src == 192.0.2.10 && tcp.port == 21").length);
            assertEquals(66, run(a, "ipv6.src == 2001:db8:66::10").length);
            assertEquals(153, run(a, "ip.proto == 41").length);
            assertEquals(153, run(a, "ip.addr == 192.0.2.1").length);
        }
    }

    @Test
    void aNestOfTunnelsStopsAtTheLimit() {
        // Ethernet, then six IPv4 headers each carrying the next (protocol 4), then nothing: hostile bytes.
        int depth = 6;
        byte[] frame = new byte[14 + 20 * depth];
        frame[12] = 0x08; // IPv4
        for (int i = 0; i < depth; i++) {
            int o = 14 + 20 * i;
            frame[o] = 0x45;
            int total = 20 * (depth - i);
            frame[o + 2] = (byte) (total >> 8);
            frame[o + 3] = (byte) total;
            frame[o + 8] = 64;
            frame[o + 9] = (byte) PacketDecoder.IP_IPV4;
            frame[o + 12] = 10;
            frame[o + 15] = (byte) i;
        }
        PacketInfo p = new PacketInfo();
        PacketDecoder.decode(Ethernet.LINK_TYPE, frame, 0, frame.length, p);
        assertEquals(PacketDecoder.MAX_TUNNELS, p.tunnels);
        assertNotNull(p.malformed);
        assertTrue(p.malformed.startsWith("IP tunnelled in IP more than 4 times"), p.malformed);
        assertEquals(List.of(14, 34, 54, 74), java.util.Arrays.stream(p.tunnelOffsets).boxed().toList());
    }

    private static int[] run(Analysis a, String filter) {
        DisplayFilter.Result r = DisplayFilter.compile(filter);
        assertInstanceOf(DisplayFilter.Result.Compiled.class, r, filter);
        return AnalysisFields.matching(a, ((DisplayFilter.Result.Compiled) r).filter());
    }
}
