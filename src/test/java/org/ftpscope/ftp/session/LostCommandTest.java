package org.ftpscope.ftp.session;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.DataMode;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.ftp.model.TransferDirection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lost command does not make its data connection vanish (samples/derive-cutlines.sh: one frame
 * of pasv-curl.pcap or active-port.pcap removed with editcap). A transfer command lost with the
 * client's bytes is shown by its 150 and 226 and its data connection; a lost setup command by the
 * next connection between the two hosts.
 */
class LostCommandTest {
    private static final String NOTES_48K = "9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf";

    private static CommandRecord at(FtpSession s, int frame) {
        return s.commands().stream().filter(c -> c.frame() == frame).findFirst().orElseThrow(() -> new AssertionError("no command at " + frame));
    }

    @Test
    void aLostRetrIsATransferItsRepliesAndDataConnectionShow() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-lost-retr.pcap"))) {
            FtpSession s = a.sessions().get(0);
            // Before: the 150 and the 226 each "answered a command not in the capture"; tcp.stream 2 was mentioned nowhere.
            CommandRecord lost = at(s, 44);
            assertNull(lost.command());
            assertEquals("command not in the capture", lost.note());
            assertEquals(List.of(150, 226), lost.replies().stream().map(ReplyRecord::code).toList());
            assertEquals(List.of(44, 99), lost.replies().stream().map(ReplyRecord::frame).toList());
            assertTrue(s.commands().stream().noneMatch(c -> c.frame() == 99), "the 226 is the lost command's, not another's");

            assertEquals(2, s.transfers().size());
            Transfer t = s.transfers().get(1);
            assertEquals("RETR?", t.command());
            assertEquals(TransferDirection.DOWNLOAD, t.direction());
            assertEquals("", t.path());
            assertEquals(44, t.commandFrame());
            assertEquals(DataMode.PASV, t.mode());
            assertEquals(36, t.setup().setupFrame());
            assertEquals(2, t.data().stream());
            assertEquals(48000, t.bytes());
            assertEquals(48000, t.expectedBytes()); // from the 150
            assertTrue(t.complete());
            assertEquals(NOTES_48K, t.sha256());
            assertEquals(Outcome.OK, t.outcome());
            assertEquals("server reply 226; data connection tcp.stream 2; the command is not in the capture (client bytes lost"
                    + " after frame 42): the 150 in frame 44 (\"Opening BINARY mode data connection for notes-48k.txt (48000"
                    + " bytes).\") shows a transfer, and its data came from the server, so a download or a listing; RETR? as the"
                    + " 150 announces a size", t.outcomeEvidence());
            assertTrue(a.ftp().orphanDataConnections().isEmpty());
        }
    }

    @Test
    void aLostPortLetsTheNextConnectionFromTheServerBeTheChannel() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/active-port-lost-port.pcap"))) {
            FtpSession s = a.sessions().get(0);
            assertEquals("command not in the capture", at(s, 33).note()); // the PORT's 200
            Transfer retr = s.transfers().get(1);
            assertEquals(List.of("RETR", "/pub/readme.txt", 38), List.of(retr.command(), retr.path(), retr.commandFrame()));
            // Before: "server reply 226; data connection not in the capture", and tcp.stream 2 an orphan whose
            // "control connection or setup is not in the capture".
            assertEquals("server reply 226; data connection tcp.stream 2", retr.outcomeEvidence());
            assertEquals(33, retr.setup().setupFrame());
            assertEquals(44211, retr.setup().advertised().port());
            assertEquals("port 44211 (inferred from the next connection because the setup command is not in the capture: active,"
                    + " as the server opened the connection; whether PORT, EPRT or LPRT is not known)", retr.setup().portMath());
            assertEquals(2, retr.data().stream());
            assertTrue(retr.data().sourcePort20());
            assertEquals(900, retr.bytes());
            assertTrue(retr.complete());
            assertEquals("293ee650ec4b84ae8d93945538f9020ecddf31deb3a18b7c31f0f883511a6627", retr.sha256());
            assertTrue(a.ftp().orphanDataConnections().isEmpty());
            assertTrue(a.findings().stream().noneMatch(f -> f.kind() == FindingKind.ORPHAN_DATA_CONNECTION
                    || f.kind() == FindingKind.DATA_CONNECTION_MISSING), a.findings().toString());
        }
    }

    @Test
    void aLostPasvIsNamedByIts227() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-lost-pasv.pcap"))) {
            FtpSession s = a.sessions().get(0);
            CommandRecord lost = at(s, 19);
            assertNull(lost.command());
            assertEquals(227, lost.replyCode());
            assertEquals("command not in the capture", lost.note());
            Transfer list = s.transfers().get(0);
            // Before: "server reply 226; data connection not in the capture", and tcp.stream 1 was mentioned nowhere.
            assertEquals(List.of("LIST", 25, 19, 1), List.of(list.command(), list.commandFrame(), list.setup().setupFrame(),
                    list.data().stream()));
            assertEquals(DataMode.PASV, list.mode());
            assertEquals("156*256+93 = 40029", list.setup().portMath());
            assertNull(list.setup().inferred());
            assertEquals(422, list.bytes());
            assertTrue(list.complete());
            assertEquals("server reply 226; data connection tcp.stream 1", list.outcomeEvidence());
            assertTrue(a.ftp().orphanDataConnections().isEmpty());
        }
    }

    @Test
    void aLostStorIsAnUploadByItsData() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/active-port-lost-stor.pcap"))) {
            Transfer t = a.sessions().get(1).transfers().get(0);
            assertEquals("STOR?", t.command());
            assertEquals(TransferDirection.UPLOAD, t.direction());
            assertEquals(List.of(79, 72, 4), List.of(t.commandFrame(), t.setup().setupFrame(), t.data().stream()));
            assertEquals(20000, t.bytes());
            assertEquals("b3f6cfc32bde5516114301dfe5a4a1fcd03e92b2f1a217094f16309a4ef33335", t.sha256());
            assertTrue(t.outcomeEvidence().endsWith("the 150 in frame 79 (\"Ok to send data.\") shows a transfer, and its data went"
                    + " to the server, so an upload (STOR, STOU or APPE)"), t.outcomeEvidence());
        }
    }
}
