package org.ftpscope.cli;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The snaplen figures extract prints come from the analysis's own pass (FtpResult.snaplenCut), not
 * from reading the capture again; these are the figures the second pass gave (and capinfos/tshark:
 * frame.cap_len < frame.len on 188 of long-session-s96.pcap's 496 frames, the first frame 4).
 */
class SnaplenCutTest {
    @Test
    void theAnalysisCountsTheCutFramesInItsOwnPass() throws Exception {
        try (Analysis a = Analyzer.analyzeStreaming(TestCaptures.sample("derived/long-session-s96.pcap"))) {
            assertEquals(new SnaplenCut(496, 188, 4, 96, 96, 262144), SnaplenCut.of(a));
        }
        // tcpdump -s 96: the file header has the snaplen
        try (Analysis a = Analyzer.analyze(TestCaptures.sample("snaplen-96.pcap"))) {
            assertEquals(new SnaplenCut(88, 41, 4, 96, 96, 96), SnaplenCut.of(a));
        }
        try (Analysis a = Analyzer.analyzeStreaming(TestCaptures.sample("pasv-curl.pcap"))) {
            assertEquals(0, SnaplenCut.of(a).cut());
            assertEquals(0, SnaplenCut.of(a).firstCut());
        }
    }
}
