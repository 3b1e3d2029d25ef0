package org.ftpscope.ftp;

import org.ftpscope.TestCaptures;
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
}
