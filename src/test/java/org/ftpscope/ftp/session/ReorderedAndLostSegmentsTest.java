package org.ftpscope.ftp.session;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.model.CommandRecord;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Outcome;
import org.ftpscope.ftp.model.Transfer;
import org.ftpscope.tcp.Direction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames that come in another order than they were sent (samples/derive-order.sh) and single lost
 * replies (samples/derive-control.sh): an acknowledgment seen before the bytes it acknowledges no
 * longer makes those bytes a gap, a command and its reply are read in the order they were sent, and
 * one lost reply costs its own pairing only.
 */
class ReorderedAndLostSegmentsTest {
    private static final String NOTES_48K = "9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf";
    private static final String LISTING = "19fa352ce0d0949f";
    private static final String UP_20K = "b3f6cfc32bde5516";

    private static Transfer transfer(Analysis a, String command) {
        return a.sessions().stream().flatMap(s -> s.transfers().stream()).filter(t -> t.command().equals(command))
                .findFirst().orElseThrow(() -> new AssertionError("no " + command));
    }

    private static CommandRecord at(FtpSession s, int frame) {
        return s.commands().stream().filter(c -> c.frame() == frame).findFirst().orElseThrow();
    }

    /** Each session's commands as "VERB replyCode", in order. */
    private static List<String> pairs(Analysis a) {
        return a.sessions().stream().flatMap(s -> s.commands().stream())
                .map(c -> c.command() + " " + (c.replies().isEmpty() ? "-" : c.replies().get(c.replies().size() - 1).code()))
                .collect(Collectors.toList());
    }

    private static void allThreeTransfersWhole(Analysis a) {
        Transfer list = transfer(a, "LIST"), retr = transfer(a, "RETR"), stor = transfer(a, "STOR");
        assertEquals(422, list.bytes());
        assertTrue(list.sha256().startsWith(LISTING), list.sha256());
        assertEquals(48000, retr.bytes());
        assertEquals(NOTES_48K, retr.sha256());
        assertEquals(20000, stor.bytes());
        assertTrue(stor.sha256().startsWith(UP_20K), stor.sha256());
        for (Transfer t : List.of(list, retr, stor)) {
            assertTrue(t.complete(), t.command());
            assertEquals(0, t.gapBytes(), t.command());
            assertEquals(226, t.replyCode(), t.command());
            assertEquals(Outcome.OK, t.outcome(), t.command());
        }
    }

    @Test
    void anAckBeforeTheSegmentItAcknowledgesLosesNothing() throws Exception {
        // Frame 95 (the RETR's last 216 bytes) after 96, the client's ACK of them.
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-ack-before-data.pcap"))) {
            allThreeTransfersWhole(a);
            assertEquals(0, a.streams().get(2).gapBytes(Direction.SERVER_TO_CLIENT));
            assertEquals(48000, a.streams().get(2).bytes(Direction.SERVER_TO_CLIENT));
        }
    }

    @Test
    void aReplyBeforeItsCommandIsReadAfterIt() throws Exception {
        // The 150 (frame 44 now) before the RETR it answers (frame 45 now).
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-reply-before-command.pcap"))) {
            allThreeTransfersWhole(a);
            CommandRecord retr = at(a.sessions().get(0), 45);
            assertEquals("RETR", retr.command());
            assertEquals(150, retr.replies().get(0).code());
            assertEquals(44, retr.replies().get(0).frame());
            assertNull(retr.note());
        }
    }

    @Test
    void twoTapsWithTheClientsLatePairAsOneTap() throws Exception {
        try (Analysis late = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-two-taps-client-late.pcap"));
             Analysis one = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            assertEquals(pairs(one), pairs(late));
            allThreeTransfersWhole(late);
            assertTrue(late.findings().stream().noneMatch(f -> f.kind().name().contains("CONTROL_BYTES_MISSING")));
        }
    }

    @Test
    void twoTapsWithTheServersLateTieEachConnectionToItsSetup() throws Exception {
        // The client's SYN to the passive port comes 0.2 ms before the server's 227 that announced it.
        try (Analysis late = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-two-taps-server-late.pcap"));
             Analysis one = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            assertEquals(pairs(one), pairs(late));
            allThreeTransfersWhole(late);
            assertTrue(late.ftp().orphanDataConnections().isEmpty(), late.ftp().orphanDataConnections().toString());
            Transfer list = transfer(late, "LIST");
            assertEquals(1, list.data().stream());
            assertTrue(list.data().synFrame() < list.setup().setupFrame(),
                    list.data().synFrame() + " " + list.setup().setupFrame());
        }
    }

    @Test
    void twoTapsAMillisecondApartPairAsOneTap() throws Exception {
        try (Analysis late = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-two-taps-server-1ms-late.pcap"));
             Analysis one = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            assertEquals(pairs(one), pairs(late));
            allThreeTransfersWhole(late);
            assertTrue(late.findings().stream().noneMatch(f -> f.kind().name().contains("CONTROL_BYTES_MISSING")));
            assertTrue(late.ftp().orphanDataConnections().isEmpty(), late.ftp().orphanDataConnections().toString());
        }
    }

    @Test
    void aSynBeforeThe227ThatAnnouncedItIsStillItsDataConnection() throws Exception {
        // Frame 20 (the 227) moved after 21 (the SYN): the 227 now has the earlier time.
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-syn-before-227.pcap"))) {
            allThreeTransfersWhole(a);
            Transfer list = transfer(a, "LIST");
            assertEquals(20, list.data().synFrame());
            assertEquals(21, list.setup().setupFrame());
            assertTrue(a.ftp().orphanDataConnections().isEmpty(), a.ftp().orphanDataConnections().toString());
        }
    }

    @Test
    void aLostFinalReplyLeavesTheNextReplyToTheNextCommand() throws Exception {
        // Frame 298 removed: the 426 of RETR large-300k.bin; the next reply, CDUP's 250, could end a RETR too.
        try (Analysis cut = Analyzer.analyze(TestCaptures.sample("derived/long-session-lost-426.pcap"));
             Analysis whole = Analyzer.analyze(TestCaptures.sample("long-session.pcap"))) {
            FtpSession s = cut.sessions().get(0);
            CommandRecord retr = at(s, 226);
            assertEquals("RETR", retr.command());
            assertEquals("final reply not in the capture", retr.note());
            assertEquals(Outcome.UNKNOWN, s.transfers().stream().filter(t -> t.commandFrame() == 226).findFirst().orElseThrow().outcome());
            CommandRecord cdup = at(s, 299); // frame 300 before the removal
            assertEquals("CDUP", cdup.command());
            assertEquals(250, cdup.replies().get(0).code());
            assertEquals(300, cdup.replies().get(0).frame());
            List<Transfer> c = s.transfers(), w = whole.sessions().get(0).transfers();
            assertEquals(w.size(), c.size());
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i).commandFrame() <= 226) continue;
                assertEquals(w.get(i).replyCode(), c.get(i).replyCode(), c.get(i).command() + " " + c.get(i).arg());
                assertEquals(w.get(i).outcome(), c.get(i).outcome(), c.get(i).command() + " " + c.get(i).arg());
                assertEquals(w.get(i).sha256(), c.get(i).sha256(), c.get(i).command() + " " + c.get(i).arg());
            }
        }
    }

    @Test
    void aLostPassiveReplyTakesTheNextConnectionAndSaysSo() throws Exception {
        // Frame 36 removed: the 227 of the RETR's PASV. Its data connection opens (frame 36 now)
        // before the client's TYPE I (frame 39) shows the 227 was acknowledged unseen.
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-lost-227.pcap"))) {
            FtpSession s = a.sessions().get(0);
            assertEquals("reply not in the capture", at(s, 35).note());
            assertEquals(200, at(s, 39).replies().get(0).code());
            Transfer retr = transfer(a, "RETR");
            assertEquals(2, retr.data().stream());
            assertEquals(36, retr.data().synFrame());
            assertEquals(48000, retr.bytes());
            assertEquals(NOTES_48K, retr.sha256());
            assertEquals(ControlFeed.INFERRED_LOST_REPLY, retr.setup().inferred());
            assertEquals(40070, retr.setup().advertised().port());
            assertEquals("port 40070 (" + ControlFeed.INFERRED_LOST_REPLY + ")", retr.setup().portMath());
            assertTrue(a.ftp().orphanDataConnections().isEmpty(), a.ftp().orphanDataConnections().toString());
            // the reply times are those of the frames, not of when they were read
            assertEquals(29, Math.round((at(s, 39).replies().get(0).nanos() - at(s, 39).nanos()) / 1000.0));
        }
    }

    @Test
    void aLostCommandAndItsReplyCostTheirOwnPairingOnly() throws Exception {
        // Frames 40-41 removed: TYPE I and its 200.
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-lost-type-exchange.pcap"))) {
            FtpSession s = a.sessions().get(0);
            assertEquals(213, at(s, 40).replies().get(0).code());
            assertEquals("SIZE", at(s, 40).command());
            assertEquals(226, at(s, 42).replies().get(at(s, 42).replies().size() - 1).code());
            assertEquals(221, at(s, 100).replies().get(0).code());
            allThreeTransfersWhole(a);
        }
    }

    @Test
    void aNatFindingNamesNoFrameThatIsNotInTheCapture() throws Exception {
        // Frame 19 removed: the SYN of the data connection to the control connection's address.
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/nat-wrong-pasv-first-syn-lost.pcap"))) {
            var f = a.findings().stream().filter(x -> x.kind() == org.ftpscope.ftp.findings.FindingKind.PASV_ADDRESS_MISMATCH)
                    .findFirst().orElseThrow();
            assertEquals(18, f.frame());
            assertTrue(f.message().endsWith("connected to the control connection's address 198.51.100.21 instead"
                    + " (tcp.stream 1 from frame 19; its SYN is not in the capture)."), f.message());
        }
    }
}
