package org.ftpscope.report;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.tls.KeyLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code report} streams (keeps no frame index, TCP frame table or content spans): every format
 * writes, for every sample and derived capture, the same report from the streaming analysis as
 * from the per-frame one the app uses. Only a duplicate-frame warning differs: without the frame
 * index it names the frame, not the byte offset.
 */
class StreamingReportTest {
    static Stream<Path> captures() throws IOException { return org.ftpscope.TestCaptures.samplesAndDerived(); }

    /** The key log beside an FTPS recording ({@code x.keys} for {@code x.pcap}), so the decrypting pass is compared too. */
    static KeyLog keyLog(Path capture) throws IOException {
        String name = capture.getFileName().toString();
        Path keys = capture.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".keys");
        return Files.isRegularFile(keys) ? KeyLog.read(keys) : KeyLog.none();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyFormatIsTheSameFromTheStreamingAnalysis(Path capture) throws Exception {
        KeyLog keys = keyLog(capture);
        try (Analysis perFrame = Analyzer.analyzeWithKeyLog(capture, keys);
             Analysis streamed = Analyzer.analyzeStreaming(capture, keys)) {
            assertTrue(perFrame.capture().index().kept());
            assertFalse(streamed.capture().index().kept(), "the report's pass kept a frame index");
            assertEquals(perFrame.capture().frameCount(), streamed.capture().frameCount());
            for (ReportWriter w : ReportWriters.ALL) {
                for (ReportSelection sel : List.of(ReportSelection.ALL, new ReportSelection(java.util.Set.of(0), true))) {
                    StringWriter a = new StringWriter(), b = new StringWriter();
                    w.write(perFrame, sel, a);
                    w.write(streamed, sel, b);
                    assertEquals(withoutOffsets(a.toString()), withoutOffsets(b.toString()), w.id() + " of " + capture);
                }
            }
        }
    }

    /** "frame 12, byte offset 3456: … copies …" of the per-frame pass is "frame 12: …" in the streaming one. */
    static String withoutOffsets(String report) {
        return report.replaceAll("(frame \\d+), byte offset \\d+(: \\d+ (frame|TCP segment))", "$1$2");
    }
}
