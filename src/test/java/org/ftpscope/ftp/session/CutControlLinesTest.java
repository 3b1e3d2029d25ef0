package org.ftpscope.ftp.session;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.LineCut;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.ReplyRecord;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.present.StoryLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Control lines cut by the snaplen to their first bytes (samples/derive-cutlines.sh: editcap -s 70
 * and -s 67 of pasv-curl.pcap and active-port.pcap). Each line is counted, kept as a cut line, and
 * what it still shows is used: a whole verb ("PASV", "RETR") makes its setup or transfer, a reply
 * code ("227 ") its inferred channel; less than that ("P", "2") pairs in order and says nothing more.
 */
class CutControlLinesTest {

    private static CommandRecord at(FtpSession s, int frame) {
        return s.commands().stream().filter(c -> c.frame() == frame).findFirst().orElseThrow(() -> new AssertionError("no command at " + frame));
    }

    private static List<Finding> cutFindings(Analysis a, int session) {
        return a.findings().stream().filter(f -> f.kind() == FindingKind.CONTROL_BYTES_MISSING && f.session() == session).toList();
    }

    @Test
    void fourBytesOfEachLineKeepEveryCommandAndEveryTransfer() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-s70.pcap"))) {
            FtpSession first = a.sessions().get(0), second = a.sessions().get(1);
            // tshark on pasv-curl.pcap: 12 commands and 15 replies on tcp.stream 0, 8 and 10 on tcp.stream 3; each is cut.
            List<Finding> f0 = cutFindings(a, 0), f1 = cutFindings(a, 1);
            assertEquals(1, f0.size(), f0.toString());
            assertEquals("Control channel: 27 lines are cut short (the first in frame 6); the rest of each is not in the capture,"
                    + " so they are kept as cut lines and not read for addresses, sizes or paths.", f0.get(0).message());
            assertEquals(1, f1.size(), f1.toString());
            assertTrue(f1.get(0).message().startsWith("Control channel: 18 lines are cut short (the first in frame 110)"), f1.get(0).message());

            // Before: PASS, PASV, TYPE, LIST, SIZE, RETR and QUIT were skipped, their replies "answered a command not in the capture".
            assertEquals(List.of("USER", "PASS", "PWD", "CWD", "PASV", "TYPE", "LIST", "PASV", "TYPE", "SIZE", "RETR", "QUIT"),
                    first.commands().stream().map(CommandRecord::command).filter(c -> c != null).toList());
            assertTrue(first.commands().stream().noneMatch(c -> "command not in the capture".equals(c.note())));
            for (int frame : new int[] {11, 19, 24, 26, 35, 40, 42, 44, 102}) {
                assertEquals("command line cut by the snaplen", at(first, frame).note(), "frame " + frame);
            }
            assertEquals(227, at(first, 35).replyCode());
            assertEquals(36, at(first, 35).replyFrame());

            Transfer list = first.transfers().get(0), retr = first.transfers().get(1), stor = second.transfers().get(0);
            assertEquals(2, first.transfers().size());
            assertEquals("RETR", retr.command());
            assertEquals(44, retr.commandFrame());
            assertTrue(retr.commandCut());
            assertEquals("", retr.arg());
            assertEquals("…", retr.path()); // the CWD and the 257 are cut too: neither directory nor name is known
            assertNull(retr.type(), "TYPE I (frame 40) is cut after its verb: the type is not known");
            assertEquals(-1, retr.expectedBytes()); // 213 and 150 cut before their numbers
            assertEquals(36, retr.setup().setupFrame());
            assertEquals(40070, retr.setup().advertised().port());
            assertEquals("port 40070 (inferred from the next connection because the reply was cut by the snaplen)", retr.setup().portMath());
            assertEquals(2, retr.data().stream());
            assertEquals(136, retr.bytes()); // 34 data frames, 4 bytes each
            assertEquals(48000, retr.bytes() + retr.gapBytes());
            assertFalse(retr.complete());
            assertEquals(226, retr.replyCode());
            assertEquals(Outcome.OK, retr.outcome());
            assertEquals("server reply 226; data connection tcp.stream 2; the server claimed success, but the capture's snapshot"
                    + " length cut the data frames: 47864 bytes are not in the capture", retr.outcomeEvidence());
            assertEquals(List.of("LIST", 26, 1, 40029), List.of(list.command(), list.commandFrame(), list.data().stream(),
                    list.setup().advertised().port()));
            assertEquals(List.of("STOR", 130, 4, 40076, 20000L), List.of(stor.command(), stor.commandFrame(), stor.data().stream(),
                    stor.setup().advertised().port(), stor.bytes() + stor.gapBytes()));

            // The story shows what is cut.
            List<String> story = StoryLine.of(first, a.findings()).stream().map(StoryLine::text).toList();
            assertTrue(story.contains("→ RETR …"), story.toString());
            assertTrue(story.stream().anyMatch(l -> l.startsWith("← 227 …")), story.toString());
        }
    }

    @Test
    void oneByteOfEachLineIsStillALineAndTheConnectionsAreListed() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-s67.pcap"))) {
            FtpSession first = a.sessions().get(0);
            List<Finding> f0 = cutFindings(a, 0);
            assertEquals(2, f0.size(), f0.toString());
            // Before: "2 lines are cut short", the 25 others skipped without a word.
            assertEquals("Control channel: 27 lines are cut short (the first in frame 6); the rest of each is not in the capture,"
                    + " so they are kept as cut lines and not read for addresses, sizes or paths; in all of them the command or"
                    + " reply code itself is cut.", f0.get(0).message());
            // No verb is whole, so no setup or transfer; the three data connections are named, not dropped.
            assertTrue(first.transfers().isEmpty() && first.setups().isEmpty());
            assertEquals("2 connections between 192.0.2.10 and 198.51.100.21 began while the session was open and may be its data"
                    + " connections; with its control channel cut they are not tied to any command: tcp.stream 1 192.0.2.10:37864 →"
                    + " 198.51.100.21:40029 (frames 21–32, 422 bytes sent, 1 captured); tcp.stream 2 192.0.2.10:56974 →"
                    + " 198.51.100.21:40070 (frames 37–99, 48000 bytes sent, 34 captured).", f0.get(1).message());
            assertEquals(List.of(21, 37), f0.get(1).frames());
            List<Finding> f1 = cutFindings(a, 1);
            assertTrue(f1.get(0).message().startsWith("Control channel: 18 lines are cut short (the first in frame 110)"), f1.toString());
            assertTrue(f1.get(1).message().contains("tcp.stream 4 192.0.2.10:52844 → 198.51.100.21:40076 (frames 125–162, 20000 bytes"
                    + " sent, 14 captured)"), f1.get(1).message());

            // Replies cut inside their code pair in order: the "1" (150) keeps LIST waiting for its "2" (226, frame 33).
            CommandRecord list = at(first, 26);
            assertEquals("L", list.command());
            assertEquals(List.of(27, 33), list.replies().stream().map(ReplyRecord::frame).toList());
            assertEquals(-1, list.replyCode());
            assertEquals(LineCut.SNAPLEN, list.finalReply().cut());
            assertTrue(first.commands().stream().noneMatch(c -> c.note() != null && c.note().contains("not in the capture")),
                    first.commands().toString());
            assertEquals(13, first.commands().size()); // the greeting and 12 commands
            List<String> story = StoryLine.of(first, a.findings()).stream().map(StoryLine::text).toList();
            assertTrue(story.contains("→ L …") && story.stream().anyMatch(l -> l.startsWith("← 1…")), story.toString());
        }
    }

    @Test
    void innerLinesOfACutMultiLineReplyAreKept() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/active-port-s70.pcap"))) {
            FtpSession third = a.sessions().get(2);
            // vsftpd sends FEAT's 211 one line a frame (frames 123-132); each keeps its first 4 bytes.
            CommandRecord feat = at(third, 121);
            assertEquals("FEAT", feat.command());
            assertEquals(List.of("211-", " EPR", " EPS", " MDT", " PAS", " RES", " SIZ", " TVF", "211 "), feat.finalReply().lines());
            assertEquals(134, at(third, 134).frame()); // AUTH TLS pairs with its own 530
            assertEquals(530, at(third, 134).replyCode());
            List<Finding> cut = cutFindings(a, 2);
            assertEquals(1, cut.size(), cut.toString()); // nothing skipped
            // tshark: 25 commands and 37 reply lines on tcp.stream 5 (9 of them FEAT's).
            assertTrue(cut.get(0).message().startsWith("Control channel: 62 lines are cut short (the first in frame 119)"),
                    cut.get(0).message());
            // PORT cut after its verb: the next connection from the server is its channel.
            Transfer retr = third.transfers().get(1);
            assertEquals(List.of("RETR", 182, 7, 51863), List.of(retr.command(), retr.commandFrame(), retr.data().stream(),
                    retr.setup().advertised().port()));
            assertEquals("port 51863 (inferred from the next connection because the command was cut by the snaplen)",
                    retr.setup().portMath());
            assertEquals(512, retr.bytes() + retr.gapBytes());
        }
    }
}
