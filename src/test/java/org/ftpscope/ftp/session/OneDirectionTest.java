package org.ftpscope.ftp.session;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.DataState;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.LoginOutcome;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamState;
import org.ftpscope.tcp.TcpStream;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Captures that hold one direction of their connections (samples/derive-oneway.sh): the silent side's
 * absence is said, never taken for an unanswered SYN, a blocked port, a missing data connection or
 * a capture that ended.
 */
class OneDirectionTest {

    private static Path derived(String name) {
        Path p = Path.of("samples", "derived", name);
        assumeTrue(Files.isRegularFile(p), "samples/derived/" + name + " is missing (run samples/derive-oneway.sh)");
        return p;
    }

    private static List<Finding> of(Analysis a, FindingKind k) {
        return a.findings().stream().filter(f -> f.kind() == k).toList();
    }

    private static List<Transfer> transfers(Analysis a) {
        return a.sessions().stream().flatMap(s -> s.transfers().stream()).toList();
    }

    private static final String CLIENT_SIDE_OF_PASV_CURL = "The capture holds only 192.0.2.10's side of 5 TCP connections"
            + " with 198.51.100.21: tcp.stream 0 (192.0.2.10:40236 → 198.51.100.21:21, %d frames), 1 (192.0.2.10:37864 →"
            + " 198.51.100.21:40029, 4 frames), 2 (192.0.2.10:56974 → 198.51.100.21:40070, 20 frames), 3 (192.0.2.10:40250 →"
            + " 198.51.100.21:21, 13 frames), 4 (192.0.2.10:52844 → 198.51.100.21:40076, 18 frames) — no segment from"
            + " 198.51.100.21, although 192.0.2.10's ACKs show that 198.51.100.21 sent segments. What 198.51.100.21 sent on"
            + " them (FTP commands or replies, data, FINs) is not in the capture, so it is not known; no connection among"
            + " them is taken as unanswered.";

    @Test
    void clientOnlyCaptureIsNotAnUnreachableServer() throws Exception {
        // tshark -Y ip.src==192.0.2.10 of pasv-curl.pcap: the client's SYN (frame 1) has no SYN-ACK in the
        // capture, but its ACK in frame 2, USER/PASS and the STOR bytes show the server answered.
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-client-only.pcap"))) {
            assertEquals(74, a.capture().frameCount());
            assertEquals(List.of(), of(a, FindingKind.SERVER_UNREACHABLE));
            TcpStream control = a.streams().get(0);
            assertEquals(1, control.synFrame());
            assertEquals(0, control.synAckFrame());
            assertTrue(control.answerShownWithoutSynAck());
            assertEquals(StreamState.HALF_CLOSED, control.state()); // the client's FIN; the server's is not in the capture
            assertEquals(Direction.SERVER_TO_CLIENT, control.unseenDirection());
            assertEquals(5, a.streams().size());
            for (TcpStream t : a.streams()) {
                assertTrue(t.state() != StreamState.SYN_SENT, t + " " + t.state());
                assertEquals(0, t.frames(Direction.SERVER_TO_CLIENT));
            }

            List<Finding> one = of(a, FindingKind.ONE_DIRECTION_CAPTURED);
            assertEquals(1, one.size());
            assertEquals(1, one.get(0).frame());
            assertEquals(List.of(1, 9, 17, 44, 52), one.get(0).frames());
            assertEquals(String.format(CLIENT_SIDE_OF_PASV_CURL, 19), one.get(0).message());

            // No reply is in the capture: the login is unknown, not "none".
            for (FtpSession s : a.sessions()) assertEquals(LoginOutcome.UNKNOWN, s.login());
            List<Transfer> t = transfers(a);
            assertEquals(List.of("LIST", "RETR", "STOR"), t.stream().map(Transfer::command).toList());
            for (Transfer x : t) {
                int control0 = x.command().equals("STOR") ? 3 : 0;
                assertEquals(DataState.MISSING, x.data().state());
                assertEquals(Outcome.UNKNOWN, x.outcome());
                String why = "the capture holds only the client's side of the control connection (tcp.stream " + control0
                        + "), no segment from the server 198.51.100.21:21: no reply is in it, so which connection, if any,"
                        + " carried the transfer is not known";
                assertEquals(Shortfall.Cause.ONE_DIRECTION, x.shortfalls().get(0).cause());
                assertEquals(why, x.shortfalls().get(0).text());
                assertEquals(x.commandFrame(), x.shortfalls().get(0).frame());
                assertTrue(x.shortfalls().stream().noneMatch(s -> s.cause() == Shortfall.Cause.NOT_IN_CAPTURE), x.shortfalls().toString());
                assertEquals("no final reply in the capture; data connection not known; " + why, x.outcomeEvidence());
            }
            assertEquals(List.of(), of(a, FindingKind.DATA_CONNECTION_MISSING));
            assertEquals(List.of(), of(a, FindingKind.DATA_CONNECTIONS_NOT_CAPTURED));
        }
    }

    @Test
    void clientOnlyCaptureWithTheSynSentAgain() throws Exception {
        // The same, merged with its frames 1-2 10 s later (frames 75, 76): the SYN counts twice, and the
        // ACK after it still shows the answer. The old analysis said "got no answer to 3 SYNs (retransmitted…)".
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-client-only-syn-again.pcap"))) {
            assertEquals(76, a.capture().frameCount());
            assertEquals(2, a.streams().get(0).synCount());
            assertEquals(List.of(), of(a, FindingKind.SERVER_UNREACHABLE));
            List<Finding> one = of(a, FindingKind.ONE_DIRECTION_CAPTURED);
            assertEquals(1, one.size());
            assertEquals(String.format(CLIENT_SIDE_OF_PASV_CURL, 21), one.get(0).message());
        }
    }

    @Test
    void dataConnectionsSeenFromTheClientOnlyAreNotBlocked() throws Exception {
        // The control connection in both directions; from the data connections only the client's segments.
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-data-client-only.pcap"))) {
            assertEquals(List.of(), of(a, FindingKind.DATA_CONNECTION_BLOCKED));
            assertEquals(List.of(), of(a, FindingKind.TRANSFER_INCOMPLETE));
            List<Transfer> t = transfers(a);
            Transfer list = t.get(0), retr = t.get(1), stor = t.get(2);
            assertEquals(1, list.data().stream());
            assertEquals(DataState.TRANSFERRED, list.data().state());
            assertEquals(Outcome.OK, list.outcome());
            assertEquals(0, list.bytes());
            assertEquals(1, list.shortfalls().size());
            Shortfall s = list.shortfalls().get(0);
            assertEquals(Shortfall.Cause.ONE_DIRECTION, s.cause());
            assertEquals("the capture holds only the receiver 192.0.2.10:37864's side of tcp.stream 1, no segment from the"
                    + " sender 198.51.100.21:40029, so what it sent is not known", s.text());
            assertEquals("server reply 226; data connection tcp.stream 1; the server claimed success, but " + s.text(),
                    list.outcomeEvidence());
            assertEquals(2, retr.data().stream());
            assertEquals(Shortfall.Cause.ONE_DIRECTION, retr.shortfalls().get(0).cause());
            // The upload's bytes are the client's: all in the capture, with its FIN.
            assertEquals(20000, stor.bytes());
            assertTrue(stor.complete());
            assertEquals(List.of(), stor.shortfalls());
            List<Finding> one = of(a, FindingKind.ONE_DIRECTION_CAPTURED);
            assertEquals(1, one.size());
            assertEquals(List.of(21, 33, 84), one.get(0).frames());
            assertTrue(one.get(0).message().startsWith("The capture holds only 192.0.2.10's side of 3 TCP connections with"
                    + " 198.51.100.21: tcp.stream 1 (192.0.2.10:37864 → 198.51.100.21:40029, 4 frames), 2 "), one.get(0).message());
            // The control connections hold both directions.
            assertNull(a.streams().get(0).unseenDirection());
            assertEquals(LoginOutcome.SUCCEEDED, a.sessions().get(0).login());
        }
    }

    @Test
    void activeModeClientOnly() throws Exception {
        // The server's data connections from port 20: only the client's SYN-ACKs and ACKs are in the capture.
        try (Analysis a = Analyzer.analyze(derived("active-port-client-only.pcap"))) {
            assertEquals(List.of(), of(a, FindingKind.SERVER_UNREACHABLE));
            assertEquals(List.of(), of(a, FindingKind.TRANSFER_INCOMPLETE));
            Transfer list = transfers(a).get(0);
            assertEquals(1, list.data().stream());
            assertEquals(Shortfall.Cause.ONE_DIRECTION, list.shortfalls().get(0).cause());
            assertEquals("the capture holds only the receiver 192.0.2.10:41079's side of tcp.stream 1, no segment from the"
                    + " sender 198.51.100.21:20, so what it sent is not known", list.shortfalls().get(0).text());
            assertTrue(list.shortfalls().stream().noneMatch(s -> s.cause() == Shortfall.Cause.CAPTURE_ENDED), list.shortfalls().toString());
            List<Finding> one = of(a, FindingKind.ONE_DIRECTION_CAPTURED);
            assertEquals(1, one.size());
            assertEquals(List.of(1, 11, 19, 26, 36, 56, 69, 85, 91), one.get(0).frames());
            assertTrue(one.get(0).message().contains(", 1 (192.0.2.10:41079 → 198.51.100.21:20, 3 frames), "), one.get(0).message());
        }
    }

    @Test
    void unansweredSynsAreTimedBySynsOfTheWholeGroup() throws Exception {
        // curl's SYN 3 and retransmissions 5-7 (0.000-3.060 s), ftplib's SYN moved between them (frame 4, 0.676 s):
        // the SYNs span 3.1 s; the later connection's last SYN (0.676 s) is not the group's last.
        try (Analysis a = Analyzer.analyze(derived("server-unreachable-overlapping.pcap"))) {
            List<Finding> u = of(a, FindingKind.SERVER_UNREACHABLE);
            assertEquals(1, u.size());
            assertEquals(List.of(3, 4), u.get(0).frames());
            assertEquals("2 connections from 192.0.2.10 to the FTP server 198.51.100.21:21 got no answer to 5 SYNs"
                    + " (retransmitted, over 3.1 s): the server is down or unreachable, or a firewall drops port 21.", u.get(0).message());
            assertEquals(List.of(), of(a, FindingKind.ONE_DIRECTION_CAPTURED));
        }
        // A SYN alone, with nothing after it, is still unanswered (too soon to tell, 0.000 s before the end).
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-syn-only.pcap"))) {
            List<Finding> u = of(a, FindingKind.SERVER_UNREACHABLE);
            assertEquals(1, u.size());
            assertTrue(u.get(0).message().endsWith("got no answer to its SYN before the capture ended, 0.000 s later: too soon"
                    + " to tell whether the server is reachable."), u.get(0).message());
            assertEquals(StreamState.SYN_SENT, a.streams().get(0).state());
            assertNull(a.streams().get(0).unseenDirection());
        }
    }
}
