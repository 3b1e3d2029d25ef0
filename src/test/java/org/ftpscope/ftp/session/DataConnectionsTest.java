package org.ftpscope.ftp.session;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FirewallSummary;
import org.ftpscope.ftp.model.ForeignConnection;
import org.ftpscope.ftp.model.OrphanDataConnection;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.Severity;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.present.FrameViews;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 18 items 3, 7, 8, 11, 12 on real recordings and captures derived by samples/derive-data.sh. */
class DataConnectionsTest {

    private static Path derived(String name) {
        Path p = Path.of("samples", "derived", name);
        assumeTrue(Files.isRegularFile(p), "samples/derived/" + name + " is missing (run samples/derive-data.sh)");
        return p;
    }

    private static List<Finding> of(Analysis a, FindingKind k) {
        return a.findings().stream().filter(f -> f.kind() == k).toList();
    }

    private static List<Transfer> transfers(Analysis a) {
        return a.sessions().stream().flatMap(s -> s.transfers().stream()).toList();
    }

    @Test
    void controlOnlyCaptureTakesTheServersWord() throws Exception {
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-control-only.pcap"))) {
            for (Transfer t : transfers(a)) {
                assertEquals(Outcome.OK, t.outcome());
                assertEquals("server reply 226; data connection not in the capture", t.outcomeEvidence());
                assertFalse(t.complete());
                assertEquals(Shortfall.Cause.NOT_IN_CAPTURE, t.shortfalls().get(0).cause());
            }
            assertEquals(0, of(a, FindingKind.DATA_CONNECTION_MISSING).size());
            List<Finding> one = of(a, FindingKind.DATA_CONNECTIONS_NOT_CAPTURED);
            assertEquals(1, one.size());
            assertEquals(List.of(21, 31, 60), one.get(0).frames());
            assertTrue(one.get(0).message().contains("of the 3 transfers") && one.get(0).message().contains("`port 21`"),
                    one.get(0).message());
        }
        try (Analysis a = Analyzer.analyze(derived("long-session-control-only.pcap"))) {
            Finding f = of(a, FindingKind.DATA_CONNECTIONS_NOT_CAPTURED).get(0);
            assertTrue(f.message().contains("of the 13 transfers") && f.message().contains("confirmed 12"), f.message());
        }
    }

    @Test
    void someDataConnectionsMissing() throws Exception {
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-some-data-missing.pcap"))) {
            List<Finding> missing = of(a, FindingKind.DATA_CONNECTION_MISSING);
            assertEquals(List.of(23, 119), missing.stream().map(Finding::frame).toList());
            assertEquals(Severity.INFO, missing.get(0).severity());
            assertEquals(0, of(a, FindingKind.DATA_CONNECTIONS_NOT_CAPTURED).size());
            Transfer retr = transfers(a).get(1);
            assertTrue(retr.complete());
            assertEquals("server reply 226; data connection tcp.stream 1", retr.outcomeEvidence());
        }
    }

    @Test
    void thirdHostNeverTheTransfer() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-race.pcap"))) {
            List<Transfer> t = transfers(a);
            // RETR small.bin: 192.0.2.66 connected first (stream 1) and got the 512 bytes; the client's stream 2 was reset.
            assertEquals(2, t.get(0).data().stream());
            assertEquals(DataState.RESET, t.get(0).data().state());
            assertEquals(Outcome.UNKNOWN, t.get(0).outcome());
            ForeignConnection f = t.get(0).setup().foreignConnections().get(0);
            assertEquals("192.0.2.66", f.connection().client().ip().toString());
            assertEquals("d4adc60d1bef7b660cdff7e2ca1d30da93521244975ed51c0c109347e1480831", f.sha256FromServer());
            // RETR readme.txt: the client first (stream 3), the third host's stream 4 reset: the file is the client's.
            assertEquals(3, t.get(1).data().stream());
            assertEquals("293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627", t.get(1).sha256());
            assertTrue(t.get(1).complete());
            List<Finding> h = of(a, FindingKind.DATA_CONNECTION_HIJACK);
            assertEquals(List.of(17, 41), h.stream().map(Finding::frame).toList());
            assertEquals(List.of(17, 31), h.get(0).frames());
            assertTrue(h.get(0).message().startsWith("192.0.2.66 (port 41185)") && h.get(0).message().contains("198.51.100.21:40008"),
                    h.get(0).message());
            assertEquals(3, a.transferOnStream(3).data().stream());
        }
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("port-hijack.pcap"))) {
            Transfer stor = transfers(a).get(0);
            assertEquals(2, stor.data().stream());
            assertEquals(0, stor.bytes());
            Finding h = of(a, FindingKind.DATA_CONNECTION_HIJACK).get(0);
            assertTrue(h.message().contains("198.51.100.66") && h.message().contains("192.0.2.10:39117")
                    && h.message().contains("b3f6cfc32bde5516114301dfe5a4a1fcd03e92b2f1a217094f16309a4ef33335"), h.message());
        }
    }

    /** The part of a data-connection-hijack message about the session's own connection. */
    private static String ownConnection(Analysis a, int i) {
        String m = of(a, FindingKind.DATA_CONNECTION_HIJACK).get(i).message();
        return m.substring(m.indexOf("The transfer is taken from "));
    }

    @Test
    void hijackOrderIsOnlyWhatTheFramesShow() throws Exception {
        // samples/derive-oneway.sh. vsftpd's SYN and the client's SYN-ACK (24, 25) removed: its connection
        // starts at frame 24, after the third host's SYN (17); its own SYN may have come before 17 or after.
        try (Analysis a = Analyzer.analyze(derived("port-hijack-own-syn-missing.pcap"))) {
            Transfer stor = transfers(a).get(0);
            assertEquals(2, stor.data().stream());
            assertEquals(0, stor.data().synFrame());
            assertEquals(24, stor.data().firstFrame());
            assertEquals(List.of(17, 58), of(a, FindingKind.DATA_CONNECTION_HIJACK).get(0).frames());
            assertEquals("The transfer is taken from 198.51.100.21's own connection, tcp.stream 2 (first captured frame 24;"
                    + " its SYN is not in the capture, so whether it connected before 198.51.100.66's SYN in frame 17 is not"
                    + " known), but it was reset (frame 27) before any data.", ownConnection(a, 0));
        }
        // The third host's SYN (17) removed: its connection has frame 19 (the SYN-ACK) before vsftpd's SYN (23).
        try (Analysis a = Analyzer.analyze(derived("port-hijack-third-syn-missing.pcap"))) {
            assertEquals("The transfer is taken from 198.51.100.21's own connection, tcp.stream 2 (SYN frame 23, later:"
                    + " 198.51.100.66's connection, whose SYN is not in the capture, has frame 19 before it), but it was reset"
                    + " (frame 28) before any data.", ownConnection(a, 0));
        }
        // The client's SYN of round 2 (38) removed: the server's SYN-ACK to it (now 38) is before the third host's SYN (40).
        try (Analysis a = Analyzer.analyze(derived("pasv-race-client-syn-missing.pcap"))) {
            assertEquals(3, transfers(a).get(1).data().stream());
            assertEquals("The transfer is taken from 192.0.2.10's own connection, tcp.stream 3 (first captured frame 38;"
                    + " its SYN is not in the capture, but frame 38 is before 192.0.2.66's SYN in frame 40, so it connected"
                    + " first).", ownConnection(a, 1));
            assertEquals("The transfer is taken from 192.0.2.10's own connection, tcp.stream 2 (SYN frame 21, later), but"
                    + " it was reset (frame 34) before any data.", ownConnection(a, 0));
        }
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("port-hijack.pcap"))) {
            assertEquals("The transfer is taken from 198.51.100.21's own connection, tcp.stream 2 (SYN frame 24, later),"
                    + " but it was reset (frame 29) before any data.", ownConnection(a, 0));
        }
    }

    @Test
    void resetHalfwayIsNotComplete() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("reset-halfway.pcap"))) {
            List<Transfer> t = transfers(a);
            Transfer stor = t.get(0), vsftpd = t.get(1);
            assertEquals(30000, stor.bytes());
            assertEquals("ddeea21389b3793d71082715d5d66073293c2455a3c85d5b65cbd1316ad50aa0", stor.sha256());
            assertFalse(stor.complete());
            assertEquals(Shortfall.Cause.CONNECTION_RESET, stor.shortfalls().get(0).cause());
            assertEquals(67, stor.shortfalls().get(0).frame());
            // vsftpd says 226 after 55420 of 300000 bytes and a client RST.
            assertEquals(226, vsftpd.replyCode());
            assertEquals(55420, vsftpd.bytes());
            assertFalse(vsftpd.complete());
            assertTrue(vsftpd.outcomeEvidence().contains("the server claimed success"), vsftpd.outcomeEvidence());
            assertEquals(166, vsftpd.shortfalls().get(0).frame());
        }
    }

    @Test
    void whyBytesAreMissing() throws Exception {
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-cut-in-retr.pcap"))) {
            Transfer retr = transfers(a).get(1);
            assertEquals(14480, retr.bytes());
            Shortfall s = retr.shortfalls().get(0);
            assertEquals(Shortfall.Cause.CAPTURE_ENDED, s.cause());
            assertEquals(60, s.frame());
            Finding f = of(a, FindingKind.TRANSFER_INCOMPLETE).get(0);
            assertTrue(f.message().startsWith("RETR notes-48k.txt: 14480 of 48000 bytes are in the capture: the capture ended (last frame 60)"),
                    f.message());
        }
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-lost-data-segment.pcap"))) {
            Transfer retr = transfers(a).get(1);
            assertEquals(46552, retr.bytes());
            assertEquals(Shortfall.Cause.LOST_IN_CAPTURE, retr.shortfalls().get(0).cause());
            assertEquals(1448, retr.shortfalls().get(0).bytes());
            assertTrue(retr.shortfalls().get(0).text().contains("ACK in frame 97"), retr.shortfalls().get(0).text());
        }
    }

    @Test
    void unreachableServersAndOrphans() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("server-unreachable.pcap"))) {
            List<Finding> u = of(a, FindingKind.SERVER_UNREACHABLE);
            assertEquals(List.of(3, 10, 14), u.stream().map(Finding::frame).toList());
            assertEquals(List.of(3, 7), u.get(0).frames());
            assertEquals(List.of(10, 11, 12, 13), u.get(1).frames());
            assertTrue(u.get(2).message().contains("host unreachable") && u.get(2).message().contains("192.0.2.1 in frame 15"),
                    u.get(2).message());
        }
        try (Analysis a = Analyzer.analyze(derived("active-port-data-only.pcap"))) {
            List<OrphanDataConnection> o = a.ftp().orphanDataConnections();
            assertEquals(6, o.size());
            assertEquals(422, o.get(0).bytesToServer());
            assertTrue(a.role(0).orphan());
            assertEquals("FTP-DATA", new FrameViews(a).summary(4).protocol());
        }
        try (Analysis a = Analyzer.analyze(derived("nat-one-control-missing.pcap"))) {
            List<OrphanDataConnection> o = a.ftp().orphanDataConnections();
            assertEquals(1, o.size());
            assertEquals(40037, o.get(0).server().port());
            assertEquals(900, o.get(0).bytesToClient());
        }
    }

    @Test
    void aDataConnectionToPort21IsData() throws Exception {
        // Issue 18 item 6: PORT 192,0,2,30,0,21 (frame 18), the server's connection to port 21 (frame 19).
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("port-to-21.pcap"))) {
            assertEquals(1, a.sessions().size());
            Transfer retr = transfers(a).get(0);
            assertEquals("RETR", retr.command());
            assertEquals(1, retr.data().stream());
            assertEquals(19, retr.data().synFrame());
            assertEquals(21, retr.data().server().port());
            assertEquals(900, retr.bytes());
            assertEquals("293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627", retr.sha256());
            assertTrue(retr.complete());
            // tshark 4.0.17 calls frame 25 an FTP request (by the port); it is the PORT's data.
            assertEquals("FTP-DATA", new FrameViews(a).summary(25).protocol());
            FirewallSummary fw = a.ftp().firewall().get(0);
            assertEquals(java.util.List.of(21), java.util.List.copyOf(fw.activeClientPorts()));
            assertTrue(fw.notes().get(0).startsWith("Active-mode setups named client port [21] (below 1024)"), fw.notes().get(0));
        }
    }
}
