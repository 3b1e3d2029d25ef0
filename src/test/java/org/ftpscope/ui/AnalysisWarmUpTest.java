package org.ftpscope.ui;

import org.ftpscope.TestCaptures;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.ftp.Analyzer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The app's warm-up analyses the real samples packed into the jar; the loader's preview of the first frames. */
class AnalysisWarmUpTest {

    @Test
    void theJarCarriesTheTwoSamplesUnchanged() throws Exception {
        for (String name : new String[] {"concurrent-clients.pcap", "lossy-transfers.pcap"}) {
            try (InputStream in = AnalysisWarmUp.class.getResourceAsStream("warm-up/" + name)) {
                assertNotNull(in, name + " is missing from the jar (pom.xml resources)");
                assertEquals(sha256(Files.readAllBytes(TestCaptures.sample(name))), sha256(in.readAllBytes()), name);
            }
        }
    }

    @Test
    void runsEveryPassUnlessACaptureIsOpened() {
        assertEquals(AnalysisWarmUp.PASSES, AnalysisWarmUp.run(() -> false));
        assertEquals(0, AnalysisWarmUp.run(() -> true));
    }

    @Test
    void previewSummarisesTheFirstFramesAndSignalsTheFirstScreenful() throws Exception {
        List<Integer> signalled = new ArrayList<>();
        PreviewTap tap = new PreviewTap(100, 64, s -> signalled.add(s.size()));
        Analyzer.analyze(TestCaptures.sample("pasv-curl.pcap"), null, tap, false).capture().close();
        assertEquals(List.of(64), signalled); // once, when frame 64 was summarised
        assertEquals(100, tap.summaries().size()); // of 169 frames
        // Frame 20 (the 227 reply) before the analysis: plain TCP with absolute numbers and the unscaled
        // window, as tshark prints it with -o tcp.relative_sequence_numbers:FALSE (tcp.seq, tcp.ack,
        // tcp.window_size_value, tcp.len, TSval/TSecr); the FTP label and relative numbers need the analysis.
        FrameSummary f20 = tap.summaries().get(19);
        assertEquals(List.of(20, "198.51.100.21", "192.0.2.10", "TCP", 117),
                List.of(f20.frame(), f20.source(), f20.destination(), f20.protocol(), f20.length()));
        assertEquals("21 → 40236 [PSH, ACK] Seq=567857192 Ack=2140510503 Win=64 Len=51 TSval=3220514421 TSecr=1568608635",
                f20.info());
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
