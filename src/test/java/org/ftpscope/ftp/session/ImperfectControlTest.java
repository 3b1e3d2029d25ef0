package org.ftpscope.ftp.session;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.present.FrameViews;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Control channels with segments removed by samples/derive-control.sh (editcap, from long-session.pcap). */
class ImperfectControlTest {

    private static CommandRecord at(FtpSession s, int frame) {
        return s.commands().stream().filter(c -> c.frame() == frame).findFirst().orElseThrow();
    }

    @Test
    void lostFinalReplyAndLostCommandCostOnePairingEach() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/long-session-lost-226-and-cdup.pcap"))) {
            FtpSession s = a.sessions().get(0);
            CommandRecord retr = at(s, 87);
            assertEquals("RETR", retr.command());
            assertEquals(150, retr.replyCode()); // only its 150; the 226 (original frame 94) was removed
            assertEquals("final reply not in the capture", retr.note());
            assertEquals(200, at(s, 95).replyCode()); // TYPE I keeps its own 200
            assertEquals(96, at(s, 95).replyFrame());
            assertEquals(227, at(s, 97).replyCode());
            CommandRecord orphan = at(s, 299);
            assertNull(orphan.command());
            assertEquals(250, orphan.replyCode());
            assertEquals("command not in the capture", orphan.note());
            assertEquals(257, at(s, 300).replyCode()); // PWD
            assertEquals(250, at(s, 302).replyCode()); // CWD upload
            assertEquals(257, at(s, 304).replyCode()); // MKD newdir
            assertEquals(1, s.commands().stream().filter(c -> c.note() != null && c.note().contains("reply not in the capture")).count());
            List<Finding> gaps = a.findings().stream().filter(f -> f.kind() == FindingKind.CONTROL_BYTES_MISSING).toList();
            assertEquals(2, gaps.size());
            assertEquals(94, gaps.get(0).frame());
            assertTrue(gaps.get(0).message().startsWith("Control channel: 24 bytes from the server missing after frame 88"), gaps.get(0).message());
            assertTrue(gaps.get(0).message().contains("pairing resynchronised at frame 96: RETR readme.txt (frame 87) has no reply"));
            assertEquals(299, gaps.get(1).frame());
            // every later transfer keeps its 226
            assertTrue(s.transfers().stream().filter(t -> t.commandFrame() > 100).allMatch(t -> t.replyCode() == 226 || t.replyCode() == 426 || t.replyCode() == 500),
                    s.transfers().toString());
        }
    }

    /** Frames {@code from}..last of a capture, written to target/ (what {@code editcap -r IN OUT from-} writes). */
    private static java.nio.file.Path framesFrom(java.nio.file.Path in, int from, int skip, String name) throws Exception {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "derived"));
        try (org.ftpscope.capture.CaptureFile cf = org.ftpscope.capture.CaptureFile.open(in)) {
            int n = cf.index().size();
            int[] frames = java.util.stream.IntStream.rangeClosed(from, n).filter(f -> f != skip).toArray();
            return TestCaptures.writePcap(cf, frames, java.nio.file.Path.of("target", "derived", name));
        }
    }

    @Test
    void oneLostServerSegmentInALongMirrorCostsNothingElse() throws Exception {
        // Frame 2412 of mirror-long.pcap: the 150 of RETR f276.bin, removed (editcap mirror-long.pcap OUT 2412).
        java.nio.file.Path p = framesFrom(TestCaptures.sample("mirror-long.pcap"), 1, 2412, "mirror-long-lost-150.pcap");
        try (Analysis a = Analyzer.analyze(p)) {
            FtpSession s = a.sessions().get(0);
            assertEquals(332, s.transfers().size());
            // Every transfer keeps its own 226 and stays ok; without resync 300 later replies shifted.
            assertEquals(332, s.transfers().stream().filter(t -> t.replyCode() == 226 && t.outcome() == Outcome.OK).count());
            List<Finding> gaps = a.findings().stream().filter(f -> f.kind() == FindingKind.CONTROL_BYTES_MISSING).toList();
            assertEquals(1, gaps.size());
            assertEquals(2420, gaps.get(0).frame()); // numbers of the derived file (one less than the original after 2412)
            assertTrue(gaps.get(0).message().startsWith("Control channel: 68 bytes from the server missing after frame 2407"),
                    gaps.get(0).message());
        }
    }

    @Test
    void snaplenCutSetupRepliesTakeTheNextConnection() throws Exception {
        // editcap -s 96: every 227 is cut ("227 Entering Passive Mode (198"); the next connection is the channel.
        try (Analysis cut = Analyzer.analyze(TestCaptures.sample("derived/long-session-s96.pcap"));
             Analysis whole = Analyzer.analyze(TestCaptures.sample("long-session.pcap"))) {
            List<Transfer> c = cut.sessions().get(0).transfers(), w = whole.sessions().get(0).transfers();
            assertEquals(14, c.size());
            for (int i = 0; i < c.size(); i++) {
                Transfer t = c.get(i), u = w.get(i);
                assertEquals(u.commandFrame(), t.commandFrame());
                assertEquals(u.outcome(), t.outcome(), "transfer at frame " + t.commandFrame());
                if (u.data() == null) continue;
                assertEquals(u.data().stream(), t.data().stream(), "transfer at frame " + t.commandFrame());
                assertEquals(u.setup().advertised().port(), t.setup().advertised().port());
                assertTrue(t.setup().inferred() != null, "transfer at frame " + t.commandFrame() + " should be inferred");
            }
            Transfer nlst = c.get(1);
            assertEquals(40079, nlst.setup().advertised().port());
            assertEquals("port 40079 (inferred from the next connection because the reply was cut by the snaplen)",
                    nlst.setup().portMath());
        }
    }

    @Test
    void theUserComesFromThe331WhenUserIsNotInTheCapture() throws Exception {
        // Zeek's bruteforce.pcap from frame 7 on: the first session starts after its USER bro (frame 6);
        // the server's 331 (frame 8) says "Password required for bro."
        java.nio.file.Path p = framesFrom(TestCaptures.zeek("bruteforce.pcap"), 7, 0, "bruteforce-from-7.pcap");
        try (Analysis a = Analyzer.analyze(p)) {
            FtpSession first = a.sessions().get(0);
            assertEquals("bro", first.user());
            assertEquals("331", first.userSource());
            assertEquals("bro (named by the 331 reply; USER is not in the capture)", first.userLabel());
            FtpSession second = a.sessions().get(1);
            assertEquals("bro", second.user());
            assertEquals("USER", second.userSource());
            assertTrue(a.findings().stream().noneMatch(f -> f.message().contains("null")),
                    a.findings().stream().map(Finding::message).filter(m -> m.contains("null")).findFirst().orElse(""));
        }
    }

    @Test
    void cleartextAfterA234IsReadAsFtp() throws Exception {
        // samples/auth-then-cleartext.pcap: 234 in frame 15, then the client's USER in cleartext (16).
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("auth-then-cleartext.pcap"))) {
            FtpSession s = a.sessions().get(0);
            assertTrue(!s.tls(), "no TLS record followed the 234");
            CommandRecord user = at(s, 16);
            assertEquals("USER", user.command());
            assertEquals("anonymous", user.arg());
            assertEquals(500, user.replyCode());
            assertEquals("OOPS: error:0A00010B:SSL routines::wrong version number", user.replyText());
            assertEquals("anonymous", s.user());
            Finding tls = a.findings().stream().filter(f -> f.kind() == FindingKind.TLS_CONTROL_CHANNEL).findFirst().orElseThrow();
            assertEquals(16, tls.frame());
            assertEquals(List.of(15, 16), tls.frames());
            assertTrue(tls.message().startsWith("The server accepted AUTH (234, frame 15), but no TLS record followed"), tls.message());
            assertEquals("FTP", new FrameViews(a).summary(16).protocol());
            assertEquals("Request: USER anonymous", new FrameViews(a).summary(16).info());
        }
    }
}
