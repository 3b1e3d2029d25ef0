package org.ftpscope.spark;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.ftp.model.Transfer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stage 2's file: every frame of a real capture rewritten keeps what the core makes of it. */
class PcapngWriterTest {
    @Test
    void aNanosecondCaptureRewrittenGivesTheSameTransfersAndTimes() throws Exception {
        Path src = Path.of("samples", "pasv-nanosecond.pcap");
        Path out = Files.createDirectories(Path.of("target", "spark-unit")).resolve("rewritten.pcapng");
        long written;
        try (CaptureFile cf = CaptureFile.open(src)) {
            PcapngWriter w = new PcapngWriter(out);
            for (int f = 1; f <= cf.frameCount(); f++) {
                byte[] b = cf.readFrame(f);
                w.frame(cf.index().linkType(f), cf.index().timestampNanos(f), cf.index().originalLength(f), b, b.length);
            }
            w.close();
            written = w.bytes();
        }
        assertEquals(Files.size(out), written, "the size the stitch limit is checked against");
        try (Analysis a = Analyzer.analyze(src); Analysis b = Analyzer.analyze(out)) {
            assertEquals(a.capture().frameCount(), b.capture().frameCount());
            for (int f = 1; f <= a.capture().frameCount(); f++) {
                assertEquals(a.capture().index().timestampNanos(f), b.capture().index().timestampNanos(f));
            }
            List<String> ta = a.sessions().stream().flatMap(s -> s.transfers().stream()).map(PcapngWriterTest::line).toList();
            List<String> tb = b.sessions().stream().flatMap(s -> s.transfers().stream()).map(PcapngWriterTest::line).toList();
            assertEquals(ta, tb);
            assertEquals(false, ta.isEmpty());
        }
    }

    private static String line(Transfer t) {
        return t.command() + " " + t.path() + " " + t.bytes() + " " + t.sha256() + " " + t.commandFrame() + " "
                + t.firstDataFrame();
    }
}
