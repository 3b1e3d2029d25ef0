package org.ftpscope.capture;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Copies of frames on captures derived by samples/derive-capture.sh; tcp.stream values are tshark 4.0.17's. */
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
}
