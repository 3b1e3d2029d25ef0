package org.ftpscope.ftp.session;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.model.Shortfall;
import org.ftpscope.ftp.model.Transfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.ftpscope.ftp.session.StreamStartTest.derived;
import static org.ftpscope.ftp.session.StreamStartTest.transfer;
import static org.ftpscope.ftp.session.StreamStartTest.transfers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data connection whose FIN or RST is not in the capture (samples/derive-start.sh): "the capture
 * ended before the sender closed" only when nothing in the capture says otherwise.
 */
class StreamEndTest {

    private static boolean anyCaptureEnded(Analysis a) {
        return transfers(a).stream().flatMap(t -> t.shortfalls().stream()).anyMatch(s -> s.cause() == Shortfall.Cause.CAPTURE_ENDED);
    }

    @Test
    void aFinTheCaptureLostButThePeerAcknowledged() throws Exception {
        // editcap pasv-curl.pcap 30: the LIST connection's FIN lost; the client's FIN/ACK (now 30) acknowledges it.
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-list-fin-lost.pcap"))) {
            Transfer list = transfer(a, "LIST");
            assertEquals(422, list.bytes());
            assertEquals(StreamStartTest.LIST, list.sha256());
            assertTrue(list.complete(), list.shortfalls().toString());
            assertEquals("server reply 226; data connection tcp.stream 1; the sender 198.51.100.21:40029 closed the data connection:"
                    + " its FIN is not in the capture; the peer acknowledged it in frame 30", list.outcomeEvidence());
            assertTrue(!anyCaptureEnded(a));
        }
        // editcap pasv-curl.pcap 160: the STOR's FIN from the client lost; the server's FIN/ACK (now 160) acknowledges it.
        try (Analysis a = Analyzer.analyze(derived("pasv-curl-stor-fin-lost.pcap"))) {
            Transfer stor = transfer(a, "STOR");
            assertEquals(20000, stor.bytes());
            assertEquals(StreamStartTest.UP_20K, stor.sha256());
            assertTrue(stor.complete(), stor.shortfalls().toString());
            assertTrue(stor.outcomeEvidence().endsWith("; the sender 192.0.2.10:52844 closed the data connection: its FIN is not in"
                    + " the capture; the peer acknowledged it in frame 160"), stor.outcomeEvidence());
        }
    }

    @Test
    void lostResetsAfterWhichTheSessionWentOn() throws Exception {
        // editcap reset-halfway.pcap 67 166 264: the three RSTs lost; the replies 426, 226, 426 remain (frames 67, 165, 262).
        try (Analysis a = Analyzer.analyze(derived("reset-halfway-rsts-lost.pcap"))) {
            List<Transfer> t = transfers(a);
            assertTrue(!anyCaptureEnded(a));
            assertEquals(List.of(30000L, 55420L, 56868L), t.stream().map(Transfer::bytes).toList());
            assertEquals(List.of("ddeea21389b3793d71082715d5d66073293c2455a3c85d5b65cbd1316ad50aa0",
                    "e6057bceccda36fad6ac961efe1a65ec742dcbc29af3d342b553f6141f92b21c",
                    "d29ad17778218037c3fee0e47a9eea1b37e4181ff2101f62b546be0ffd2cf4ab"), t.stream().map(Transfer::sha256).toList());
            for (Transfer x : t) assertTrue(!x.complete());
            Shortfall stor = t.get(0).shortfalls().get(0);
            assertEquals(Shortfall.Cause.END_NOT_CAPTURED, stor.cause());
            assertEquals(67, stor.frame());
            assertEquals("no FIN or RST from the sender 192.0.2.10:59034 is in the capture, though the server's final reply (426,"
                    + " frame 67) is and the capture goes on to frame 268: the data connection's end is not in the capture (no size"
                    + " was announced)", stor.text());
            Shortfall vsftpd = t.get(1).shortfalls().get(0);
            assertEquals(Shortfall.Cause.END_NOT_CAPTURED, vsftpd.cause());
            assertEquals(165, vsftpd.frame());
            assertEquals("server reply 226; data connection tcp.stream 3; the server claimed success, but no FIN or RST from the"
                    + " sender 198.51.100.21:40097 is in the capture, though the server's final reply (226, frame 165) is and the"
                    + " capture goes on to frame 268: the data connection's end is not in the capture", t.get(1).outcomeEvidence());
            assertEquals(262, t.get(2).shortfalls().get(0).frame());
            assertEquals(Shortfall.Cause.END_NOT_CAPTURED, t.get(2).shortfalls().get(0).cause());
        }
    }

    @Test
    void onlyTheReceiversSideIsInTheCapture(@TempDir Path dir) throws Exception {
        // tshark -Y ip.src==192.0.2.10 active-port.pcap: the server's data from port 20 is not in the capture.
        Path capture = derived("active-port-client-only.pcap");
        try (Analysis a = Analyzer.analyze(capture)) {
            assertTrue(!anyCaptureEnded(a));
            List<Transfer> fromServer = transfers(a).stream().filter(t -> !t.command().equals("STOR")).toList();
            assertEquals(List.of("LIST", "RETR", "LIST", "RETR"), fromServer.stream().map(Transfer::command).toList());
            assertEquals(List.of(13, 21, 71, 87), fromServer.stream().map(t -> t.shortfalls().get(0).frame()).toList());
            for (Transfer t : fromServer) {
                assertEquals(0, t.bytes());
                assertEquals(Shortfall.Cause.ONE_DIRECTION, t.shortfalls().get(0).cause());
            }
            assertEquals("the capture holds only the receiver 192.0.2.10:41079's side of tcp.stream 1, no segment from the sender"
                    + " 198.51.100.21:20, so what it sent is not known", fromServer.get(0).shortfalls().get(0).text());
        }
        StreamStartTest.Run x = StreamStartTest.cli("extract", capture.toString(), dir.toString());
        assertEquals(0, x.code(), x.err());
        assertTrue(x.err().contains("ftpscope extract: not written: session 0 RETR readme.txt (command frame 18, data tcp.stream 2):"
                + " one direction not in the capture: the capture holds only the receiver 192.0.2.10:44211's side of tcp.stream 2,"
                + " no segment from the sender 198.51.100.21:20"), x.err());
        assertTrue(x.err().contains("ftpscope extract: 2 of 6 transfers written; 4 not written: 4 with one direction not in the capture"), x.err());
    }
}
