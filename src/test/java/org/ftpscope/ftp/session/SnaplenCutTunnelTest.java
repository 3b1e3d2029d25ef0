package org.ftpscope.ftp.session;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.LoginOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samples/derived/tunnel-6in4-s96.pcap (samples/derive-link.sh: editcap -s 96 of tunnel-6in4.pcap).
 * 14 + 20 (outer IPv4) + 40 (inner IPv6) leave 22 bytes of TCP header in 96; every TCP header of the
 * recording is 32 bytes or more, so no payload byte of any frame is in the capture. The two control
 * connections to port 21 are still sessions, and they must say their text was cut, not that nobody
 * logged in.
 */
class SnaplenCutTunnelTest {

    @Test
    void controlConnectionsWhosePayloadWasCutSaySo() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/tunnel-6in4-s96.pcap"))) {
            assertEquals(2, a.sessions().size());
            FtpSession first = a.sessions().get(0), second = a.sessions().get(1);
            assertEquals(List.of(0, 3), List.of(first.controlStream(), second.controlStream()));
            assertEquals(21, first.server().port());
            // The uncut recording logs in (230 in frame 13); none of that is in the cut capture.
            assertEquals(LoginOutcome.UNKNOWN, first.login());
            assertEquals(LoginOutcome.UNKNOWN, second.login());
            assertTrue(first.commands().isEmpty() && first.transfers().isEmpty());

            List<Finding> firstFindings = a.findings().stream().filter(f -> f.session() == 0).toList();
            assertEquals(2, firstFindings.size(), firstFindings.toString());
            // Byte counts as tshark gives them for the uncut recording (tcp.len of stream 0: 124 from the client in
            // 12 frames from frame 8 on, USER; 513 from the server in 15 frames from frame 6 on, the 220).
            Finding cut = firstFindings.get(0);
            assertEquals(FindingKind.CONTROL_BYTES_MISSING, cut.kind());
            assertEquals(6, cut.frame());
            assertEquals(List.of(6, 8), cut.frames());
            assertEquals("Control channel: the capture's snapshot length cut off all 124 bytes the client sent (in 12 frames,"
                    + " the first 8) and all 513 bytes the server sent (in 15 frames, the first 6): no byte of either direction"
                    + " is in the capture, so the session's login, commands, replies and transfers are unknown.", cut.message());
            // The EPSV data connections of the first curl run (passive ports 40010, 40012) are listed, not taken as transfers.
            Finding data = firstFindings.get(1);
            assertEquals(List.of(21, 37), data.frames());
            assertEquals("2 connections between 2001:db8:66::10 and 2001:db8:2::21 began while the session was open and may be"
                    + " its data connections; with its control channel cut they are not tied to any command: tcp.stream 1"
                    + " [2001:db8:66::10]:48578 → [2001:db8:2::21]:40010 (frames 21–32, 422 bytes sent, 0 captured); tcp.stream 2"
                    + " [2001:db8:66::10]:60492 → [2001:db8:2::21]:40012 (frames 37–105, 48000 bytes sent, 0 captured).", data.message());

            List<Finding> secondFindings = a.findings().stream().filter(f -> f.session() == 1).toList();
            assertEquals(2, secondFindings.size(), secondFindings.toString());
            assertTrue(secondFindings.get(0).message().contains("all 124 bytes the client sent (in 9 frames, the first 120) and all"
                    + " 368 bytes the server sent (in 11 frames, the first 118)"), secondFindings.get(0).message());
            // The EPRT run: the server connects back from port 33935 to the client's 47005.
            assertTrue(secondFindings.get(1).message().contains("tcp.stream 4 [2001:db8:2::21]:33935 → [2001:db8:66::10]:47005"
                    + " (frames 138–148, 900 bytes sent, 0 captured)"), secondFindings.get(1).message());

            Finding truncated = a.findings().stream().filter(f -> f.kind() == FindingKind.CAPTURE_TRUNCATED).findFirst().orElseThrow();
            assertTrue(truncated.message().startsWith("153 frames were cut"), truncated.message());
        }
    }

    @Test
    void theUncutRecordingKeepsItsLogin() throws Exception {
        // Uncut: the first run logs in (230), so the outcome is known; "unknown" only where the server's bytes are missing.
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("tunnel-6in4.pcap"))) {
            assertEquals(LoginOutcome.SUCCEEDED, a.sessions().get(0).login());
            assertTrue(a.findings().stream().noneMatch(f -> f.kind() == FindingKind.CONTROL_BYTES_MISSING));
        }
    }
}
