package org.ftpscope.present;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.BounceScanRule;
import org.ftpscope.ftp.findings.DataChannelFloodRule;
import org.ftpscope.ftp.findings.FindingKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grouping and the pattern rules on real captures; frame numbers checked with tshark 4.0.17. */
class FindingGroupsTest {

    private static FindingGroup only(List<FindingGroup> gs, FindingKind k) {
        List<FindingGroup> m = gs.stream().filter(g -> g.kind() == k).toList();
        assertEquals(1, m.size(), k.id());
        return m.get(0);
    }

    @Test
    void bruteForceIsThreeGroups() throws Exception {
        // Zeek's notice log: 192.168.56.1 had 20 failed logins (its threshold); the capture has 30 connections.
        try (Analysis a = Analyzer.analyze(TestCaptures.zeek("bruteforce.pcap"))) {
            List<FindingGroup> gs = FindingGroups.of(a.ftp());
            assertEquals(3, gs.size());
            FindingGroup bf = gs.get(0);
            assertEquals(FindingKind.BRUTE_FORCE, bf.kind());
            assertEquals(30, bf.count());
            assertEquals(30, bf.sessions().size());
            assertEquals(List.of(12, 32, 52, 75, 98), bf.firstFrames());
            FindingGroup lf = only(gs, FindingKind.LOGIN_FAILED);
            assertEquals(30, lf.count());
            assertEquals(30, lf.findings().size());
            assertEquals("192.168.56.1", lf.client().toString());
            assertEquals("192.168.56.101", lf.server().toString());
            assertTrue(lf.message().startsWith("30 failed logins from 192.168.56.1 to 192.168.56.101 in 30 sessions, "
                    + "frames 12, 32, 52, 75, 98 … (30 frames)"), lf.message());
            FindingGroup ct = only(gs, FindingKind.CLEARTEXT_CREDENTIALS);
            assertEquals(30, ct.count());
            assertEquals(598, lf.frames().get(29));
        }
    }

    @Test
    void nmapBounceScan() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("nmap-bounce-scan.pcap"))) {
            List<BounceScanRule.BounceScan> scans = BounceScanRule.scans(a.sessions());
            assertEquals(1, scans.size());
            BounceScanRule.BounceScan s = scans.get(0);
            assertEquals("127.0.0.2", s.target().toString());
            assertEquals(200, s.probes().size());
            assertEquals(List.of(3022, 3080, 3143), s.openPorts());
            assertEquals(197, s.withState(BounceScanRule.PortState.CLOSED).size());
            List<FindingGroup> gs = FindingGroups.of(a.ftp());
            FindingGroup scan = only(gs, FindingKind.BOUNCE_SCAN);
            assertTrue(scan.message().contains("probe 200 ports of 127.0.0.2 (3000–3199)"), scan.message());
            // tshark: the SYN-ACKs from 127.0.0.2 are frames 146, 502 and 888
            assertTrue(scan.message().contains("3 ports answered (open): 3022 (frame 146), 3080 (frame 502), 3143 (frame 888); 197 closed"),
                    scan.message());
            assertEquals(197, only(gs, FindingKind.DATA_CONNECTION_REFUSED).count());
            assertEquals(200, only(gs, FindingKind.BOUNCE_ATTEMPT).count());
            assertEquals("127.0.0.2", only(gs, FindingKind.BOUNCE_ATTEMPT).peer().toString());
            assertEquals(10, only(gs, FindingKind.BOUNCE_ATTEMPT).firstFrame());
        }
    }

    @Test
    void bounceScanOnControlOnlyCopyUsesReplies() throws Exception {
        try (Analysis a = Analyzer.analyze(Path.of("samples/derived/nmap-bounce-scan-control-only.pcap"))) {
            BounceScanRule.BounceScan s = BounceScanRule.scans(a.sessions()).get(0);
            assertEquals(List.of(3022, 3080, 3143), s.openPorts());
            assertTrue(s.probes().stream().noneMatch(BounceScanRule.Probe::fromDataConnection));
        }
    }

    @Test
    void portFlood() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.zeek("ftp-many-port-expected.pcap.gz"))) {
            List<DataChannelFloodRule.Flood> fl = DataChannelFloodRule.floods(a.sessions());
            assertEquals(1, fl.size());
            assertEquals(500, fl.get(0).unused());
            assertEquals(6, fl.get(0).frames().get(0));
            assertEquals(1004, fl.get(0).frames().get(499));
            List<FindingGroup> gs = FindingGroups.of(a.ftp());
            assertEquals(500, only(gs, FindingKind.BOUNCE_ATTEMPT).count());
            assertTrue(only(gs, FindingKind.DATA_CHANNEL_FLOOD).message().startsWith("500 PORT commands from 10.0.0.1"));
            assertEquals(0, BounceScanRule.scans(a.sessions()).size()); // no LIST after any PORT: nothing probed
        }
    }
}
