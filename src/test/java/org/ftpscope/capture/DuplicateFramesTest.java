package org.ftpscope.capture;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Copies of frames on captures derived by samples/derive-capture.sh and derive-oneway.sh; tcp.stream values are tshark 4.0.17's. */
class DuplicateFramesTest {
    private static List<String> shas(Analysis a) {
        return a.sessions().stream().flatMap(s -> s.transfers().stream()).map(Transfer::sha256).toList();
    }

    @Test
    void mergedTwiceIsAnalysedOnce() throws Exception {
        List<String> original;
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"))) {
            original = shas(a);
            assertEquals(0, a.tcpFrames().copies());
            assertTrue(a.capture().warnings().isEmpty());
        }
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-merged-twice.pcap"))) {
            assertEquals(338, a.capture().frameCount());
            assertEquals(169, a.tcpFrames().copies());
            assertEquals(1, a.tcpFrames().copyOf(170));
            assertEquals(169, a.tcpFrames().copyOf(338));
            assertEquals(2, a.sessions().size());
            assertEquals(original, shas(a));
            assertEquals(3, original.size());
            // tshark: the copy's SYN (frame 172) is a retransmission in stream 0, not a new stream
            assertEquals(0, a.tcpFrames().stream(172));
            assertEquals(5, a.streams().size());
            assertEquals(1, a.capture().warnings().size());
            assertEquals(170, a.capture().warnings().get(0).frame());
            assertTrue(a.capture().warnings().get(0).message().startsWith("169 frames are exact copies"));
        }
    }

    @Test
    void spanCopiesAreAnalysedOnce() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-span-copies.pcap"))) {
            assertEquals(169, a.tcpFrames().copies());
            assertEquals(1, a.tcpFrames().copyOf(2));
            assertEquals(2, a.sessions().size());
            assertEquals(List.of(422L, 48000L, 20000L),
                    a.sessions().stream().flatMap(s -> s.transfers().stream()).map(Transfer::bytes).toList());
        }
    }

    @Test
    void teeCopiesInTheLossyRecording() throws Exception {
        // The 5 frames editcap -D 1000 removes; tshark's flags on them are unchanged (Dup ACK 236#1 on 238).
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("lossy-transfers.pcap"))) {
            assertEquals(5, a.tcpFrames().copies());
            assertEquals(236, a.tcpFrames().copyOf(238));
            assertEquals(613, a.tcpFrames().copyOf(614));
            assertEquals(2, a.sessions().size());
            // 238, 526, 604 and 614 are bare ACKs (no data, SYN or FIN); 770 (of 768) carries 1448 bytes.
            assertEquals(1, a.capture().warnings().size());
            CaptureWarning w = a.capture().warnings().get(0);
            assertEquals(770, w.frame());
            assertTrue(w.message().contains("1 of them with data, SYN or FIN: ")
                    && w.message().contains("; the first with data, SYN or FIN is frame 770, a copy of frame 768; the first of all"
                    + " is frame 238, a copy of frame 236, a TCP segment without data, SYN or FIN."), w.message());
            assertFalse(w.message().contains("the first is frame 770"), w.message());
        }
    }

    @Test
    void firstCopyOfAllAndFirstWithDataAreBothNamed() throws Exception {
        // samples/derive-oneway.sh: pasv-curl.pcap with its frames 5 (a bare ACK) and 48 (data) once more.
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-ack-and-data-copied.pcap"))) {
            assertEquals(171, a.capture().frameCount());
            assertEquals(2, a.tcpFrames().copies());
            assertEquals(5, a.tcpFrames().copyOf(6));
            assertEquals(49, a.tcpFrames().copyOf(50));
            assertEquals(1, a.capture().warnings().size());
            CaptureWarning w = a.capture().warnings().get(0);
            assertEquals(50, w.frame());
            assertEquals("2 frames are exact copies of an earlier frame (same bytes, captured within 1 ms of it), 1 of them"
                    + " with data, SYN or FIN: the capture holds this traffic more than once (merged twice, taken from a SPAN"
                    + " port, or duplicated on the way); the first with data, SYN or FIN is frame 50, a copy of frame 49;"
                    + " the first of all is frame 6, a copy of frame 5, a TCP segment without data, SYN or FIN. The frame"
                    + " list shows every frame; the analysis counts each once", w.message());
            assertEquals(List.of(422L, 48000L, 20000L),
                    a.sessions().stream().flatMap(s -> s.transfers().stream()).map(Transfer::bytes).toList());
        }
        // Where the first copy has data, one frame is named as before.
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/pasv-curl-merged-twice.pcap"))) {
            assertTrue(a.capture().warnings().get(0).message().contains("; the first is frame 170, a copy of frame 1. "),
                    a.capture().warnings().get(0).message());
        }
    }

    @Test
    void synRetriedAfterRstStaysInItsStream() throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("derived/firewall-rejects-syn-retry.pcap"))) {
            assertEquals(51, a.capture().frameCount());
            assertEquals(1, a.tcpFrames().stream(51)); // tshark -e tcp.stream: 1, [TCP Retransmission]
            assertEquals(5, a.streams().size());
            assertEquals(0, a.tcpFrames().copies());
            assertEquals(2, a.sessions().size());
            FtpSession first = a.sessions().get(0);
            assertEquals(0, first.controlStream());
        }
    }

    /** Each frame's "copy of" answer, 0 for none, fed in file order to {@code d}. */
    private static List<Integer> answers(Path capture, DuplicateFrames d) throws Exception {
        List<Integer> out = new ArrayList<>();
        CaptureFile.read(capture, (frame, nanos, link, orig, buf, off, len) ->
                out.add(d.check(frame, nanos, link, orig, buf, off, len)), (bytes, total, frames) -> { }, false).close();
        return out;
    }

    @Test
    void olderFramesIndexFindsTheCopiesMergecapAppended() throws Exception {
        // 64 recent frames and a ring of 256: mergecap -a puts each copy 169 frames after its original,
        // so the originals are found by the older frames' index, with the same answers as the default tiers.
        Path merged = TestCaptures.sample("derived/pasv-curl-merged-twice.pcap");
        DuplicateFrames small = new DuplicateFrames(true, 1 << 6, 1 << 8);
        List<Integer> a = answers(merged, small);
        assertEquals(answers(merged, new DuplicateFrames()), a);
        assertEquals(169, a.stream().filter(x -> x != 0).count());
        assertEquals(1, a.get(169));
        assertEquals(1, small.olderIndexBuilds());
    }

    @Test
    void timeRunningForwardNeverBuildsTheOlderIndex() throws Exception {
        DuplicateFrames d = new DuplicateFrames(true, 1 << 10, 1 << 11);
        byte[] f = new byte[60];
        int copies = 0;
        for (int i = 1; i <= 10_000; i++) {
            f[0] = (byte) i;
            f[1] = (byte) (i >> 8);
            long t = i * 10_000L; // 10 µs apart
            copies += d.check(i, t, 1, 60, f, 0, 60) != 0 ? 1 : 0;
            if (i % 10 == 0) copies += d.check(++i, t + 500, 1, 60, f, 0, 60) != 0 ? 1 : 0; // a SPAN copy 0.5 µs later
        }
        assertEquals(1000, copies);
        assertEquals(0, d.olderIndexBuilds());
        assertEquals(0, d.uncheckedFrames());
    }

    @Test
    void timeFallingBackFindsOriginalsAmongTheOlderFrames() throws Exception {
        DuplicateFrames d = new DuplicateFrames(true, 1 << 10, 1 << 12);
        byte[] f = new byte[60];
        // 3,000 distinct frames 1 ms apart, then the same 3,000 again with the same times (mergecap -a X X)
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < 3000; i++) {
                f[0] = (byte) i;
                f[1] = (byte) (i >> 8);
                int frame = pass * 3000 + i + 1;
                int original = d.check(frame, i * 1_000_000L, 1, 60, f, 0, 60);
                assertEquals(pass == 0 ? 0 : i + 1, original, "frame " + frame);
            }
        }
        assertEquals(3000, d.count());
        assertEquals(1, d.olderIndexBuilds());
        // then time runs forward for longer than the ring: the index is dropped, and built again on the next fall
        for (int i = 0; i < 5000; i++) {
            f[0] = (byte) i;
            f[1] = (byte) (i >> 8);
            f[2] = 1;
            d.check(6001 + i, 4_000_000_000L + i * 1_000_000L, 1, 60, f, 0, 60);
        }
        f[2] = 1;
        f[0] = (byte) 4999;
        f[1] = (byte) (4999 >> 8);
        assertEquals(11000, d.check(11001, 4_000_000_000L + 4999 * 1_000_000L, 1, 60, f, 0, 60));
        assertEquals(1, d.olderIndexBuilds()); // the last frame's original was recent
        f[0] = (byte) 1000; // frame 7001, older by now (the ring keeps 6905-11000, the recent 9977-11000)
        f[1] = (byte) (1000 >> 8);
        assertEquals(7001, d.check(11002, 5_000_000_300L, 1, 60, f, 0, 60));
        assertEquals(2, d.olderIndexBuilds());
    }

    @Test
    void aFrameAtTheTimeOfForgottenFramesIsNamedUnderItsLimit() {
        DuplicateFrames d = new DuplicateFrames(true, 1 << 10, 1 << 11);
        byte[] f = new byte[60];
        for (int i = 0; i < 3000; i++) {
            f[0] = (byte) i;
            f[1] = (byte) (i >> 8);
            d.check(i + 1, i * 1_000_000L, 1, 60, f, 0, 60);
        }
        f[0] = 5; // frame 6's bytes and time again: frame 6 is forgotten (the ring holds 953-3000)
        f[1] = 0;
        assertEquals(0, d.check(3001, 5_000_000L, 1, 60, f, 0, 60));
        assertEquals(1, d.uncheckedFrames());
        List<CaptureWarning> w = d.warnings(null);
        assertEquals(1, w.size());
        assertEquals(Limit.REMEMBERED_FRAMES, w.get(0).limit());
        assertEquals("limit REMEMBERED_FRAMES (262,144 frames remembered to recognise exact copies) reached at frame 3001:"
                + " 1 frame was captured at about"
                + " the time of frames more than 2048 frames earlier, which are no longer remembered: a copy among them"
                + " would not be recognised", w.get(0).toString());
    }
}
