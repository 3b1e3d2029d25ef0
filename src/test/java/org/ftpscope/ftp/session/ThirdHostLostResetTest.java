package org.ftpscope.ftp.session;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.present.StoryLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.ftpscope.ftp.session.StreamStartTest.derived;
import static org.ftpscope.ftp.session.StreamStartTest.transfers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third host took the data and the RST of the session's own connection is not in the capture
 * (samples/derive-start.sh): the own connection, which carried nothing, is not "transferred", and
 * the transfer is not "ok" for the client.
 */
class ThirdHostLostResetTest {

    @Test
    void passiveRaceWithTheResetLost() throws Exception {
        // editcap pasv-race.pcap 34: 192.0.2.66 got small.bin (512 bytes); the RST of the client's connection lost.
        try (Analysis a = Analyzer.analyze(derived("pasv-race-rst-lost.pcap"))) {
            Transfer small = transfers(a).get(0);
            assertEquals("RETR", small.command());
            assertEquals(2, small.data().stream());
            assertEquals(DataState.ESTABLISHED, small.data().state());
            assertEquals(0, small.bytes());
            assertEquals(512, small.expectedBytes());
            assertFalse(small.complete());
            assertEquals(Outcome.UNKNOWN, small.outcome());
            assertEquals("server reply 226, but no data crossed the data connection tcp.stream 2 in the capture (0 of 512 bytes;"
                    + " no FIN or RST from the sender 198.51.100.21:40008 is in the capture, though the server's final reply (226,"
                    + " frame 32) is and the capture goes on to frame 58: the data connection's end is not in the capture); a"
                    + " connection from 192.0.2.66 to the same port was accepted and carried 512 bytes (see data-connection-hijack)",
                    small.outcomeEvidence());
            assertEquals(List.of(Shortfall.Cause.END_NOT_CAPTURED), small.shortfalls().stream().map(Shortfall::cause).toList());
            Finding h = a.findings().stream().filter(f -> f.kind() == FindingKind.DATA_CONNECTION_HIJACK).findFirst().orElseThrow();
            assertTrue(h.message().endsWith("The transfer is taken from 192.0.2.10's own connection, tcp.stream 2 (SYN frame 21,"
                    + " later), but no data crossed it in the capture (no byte, none acknowledged, and neither FIN nor RST)."), h.message());
            String story = String.join("\n", StoryLine.of(a.sessions().get(0), a.findings()).stream().map(StoryLine::text).toList());
            assertTrue(story.contains("⇢ data connection 192.0.2.10:35117 → 198.51.100.21:40008: established (SYN-ACK in frame 22);"
                    + " no data crossed it in the capture"), story);
            assertTrue(story.contains("▣ RETR pub/small.bin: 0 bytes of 512") && story.contains("— unknown"), story);
            // The second transfer is the client's own, whole.
            Transfer readme = transfers(a).get(1);
            assertEquals(DataState.TRANSFERRED, readme.data().state());
            assertEquals("293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627", readme.sha256());
            assertTrue(readme.complete());
        }
    }

    @Test
    void activeHijackWithTheResetLost() throws Exception {
        // editcap port-hijack.pcap 29: 198.51.100.66 got the STOR's 20000 bytes; the RST of the server's own connection lost.
        try (Analysis a = Analyzer.analyze(derived("port-hijack-rst-lost.pcap"))) {
            Transfer stor = transfers(a).get(0);
            assertEquals(2, stor.data().stream());
            assertEquals(DataState.ESTABLISHED, stor.data().state());
            assertEquals(0, stor.bytes());
            assertEquals(Outcome.FAILED, stor.outcome());
            assertEquals("server reply 426", stor.outcomeEvidence());
            assertEquals(60, stor.shortfalls().get(0).frame());
            assertEquals(Shortfall.Cause.END_NOT_CAPTURED, stor.shortfalls().get(0).cause());
            Finding h = a.findings().stream().filter(f -> f.kind() == FindingKind.DATA_CONNECTION_HIJACK).findFirst().orElseThrow();
            assertTrue(h.message().contains("198.51.100.66 received 20000 bytes (SHA-256 " + StreamStartTest.UP_20K + ")")
                    && h.message().endsWith("tcp.stream 2 (SYN frame 24, later), but no data crossed it in the capture (no byte,"
                    + " none acknowledged, and neither FIN nor RST)."), h.message());
        }
    }
}
