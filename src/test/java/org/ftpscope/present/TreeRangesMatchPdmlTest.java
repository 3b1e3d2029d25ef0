package org.ftpscope.present;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.decode.DetailNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Byte ranges and labels of header fields as tshark 4.0.17's PDML gives them ({@code tshark -T pdml}, pos and size). */
class TreeRangesMatchPdmlTest {

    @Test
    void vlanTagAndTcpFlagBits() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("vlan.pcap"))) {
            DetailNode t = new FrameViews(a).tree(6);
            assertEquals("14+4", range(t, "vlan"), "the tag, not the EtherType before it");
            assertEquals("14+2", range(t, "vlan.id"));
            assertEquals("16+2", range(t, "vlan.etype"));
            assertEquals("50+2", range(t, "tcp.flags"));
            assertEquals("50+1", range(t, "tcp.flags.ae"));
            for (String f : List.of("cwr", "ece", "urg", "ack", "push", "reset", "syn", "fin")) {
                assertEquals("51+1", range(t, "tcp.flags." + f), f);
            }
            assertEquals("...0 .... .... = Accurate ECN: Not set", t.find("tcp.flags.ae").label());
            assertEquals(".... ...1 .... = Acknowledgment: Set", t.find("tcp.flags.ack").label());
            assertEquals(".... .... 1... = Push: Set", t.find("tcp.flags.push").label());
        }
    }

    @Test
    void ipv6TrafficClass() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("ipv6-eprt-epsv.pcap"))) {
            DetailNode t = new FrameViews(a).tree(3);
            assertEquals("14+4", range(t, "ipv6.tclass"));
            assertEquals(".... 0000 0000 .... .... .... .... .... = Traffic Class: 0x00 (DSCP: CS0, ECN: Not-ECT)",
                    t.find("ipv6.tclass").label());
            assertEquals("15+3", range(t, "ipv6.flow"));
        }
    }

    @Test
    void sackLineNamesItsBlocks() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("lossy-transfers.pcap"))) {
            FrameViews v = new FrameViews(a);
            assertEquals("TCP Option - SACK 11585-13033", v.tree(51).find("tcp.options.sack").label());
            DetailNode t = v.tree(76);
            assertEquals("TCP Option - SACK 33305-34753 15929-18825", t.find("tcp.options.sack").label());
            assertEquals("68+18", range(t, "tcp.options.sack"));
            List<String> edges = new ArrayList<>();
            t.walk(n -> { if ("tcp.options.sack_le".equals(n.field())) edges.add(n.offset() + "+" + n.length()); });
            assertEquals(List.of("70+4", "78+4"), edges);
        }
    }

    private static String range(DetailNode tree, String field) {
        DetailNode n = tree.find(field);
        return n.offset() + "+" + n.length();
    }
}
