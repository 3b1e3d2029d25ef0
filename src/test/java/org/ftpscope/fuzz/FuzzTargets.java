package org.ftpscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureException;
import org.ftpscope.decode.link.LinkLayers;
import org.ftpscope.decode.DetailTreeBuilder;
import org.ftpscope.decode.FrameSummarizer;
import org.ftpscope.decode.PacketDecoder;
import org.ftpscope.decode.PacketInfo;
import org.ftpscope.decode.TcpFrameContext;
import org.ftpscope.filter.DisplayFilter;
import org.ftpscope.ftp.parse.SetupParsers;
import org.ftpscope.present.FrameViews;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz targets. {@code mvn verify} replays the inputs under src/test/resources/org/ftpscope/fuzz/FuzzTargetsInputs
 * (real samples as seeds, and any crash found since); a campaign runs with {@code JAZZER_FUZZ=1} (see README).
 */
class FuzzTargets {

    /** Any bytes as a capture file: reading, reassembly, FTP analysis and every frame's views. */
    @FuzzTest(maxDuration = "10m")
    void captureAnalysis(byte[] data) throws IOException {
        Path p = Files.createTempFile("fuzz-", ".cap");
        try {
            Files.write(p, data);
            try (Analysis a = Analyzer.analyze(p)) {
                FrameViews v = new FrameViews(a);
                for (int f = 1; f <= Math.min(a.capture().frameCount(), 200); f++) {
                    v.summary(f);
                    v.tree(f);
                }
            } catch (CaptureException expected) {
                // a located refusal is a correct answer
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }

    /** Any bytes as a frame of any supported link type: fast decode, summary and detail tree. */
    @FuzzTest(maxDuration = "10m")
    void frameDecoding(FuzzedDataProvider in) {
        int link = LinkLayers.ALL.get(in.consumeInt(0, LinkLayers.ALL.size() - 1)).linkType();
        byte[] frame = in.consumeRemainingAsBytes();
        PacketInfo p = new PacketInfo();
        PacketDecoder.decode(link, frame, 0, frame.length, p);
        FrameSummarizer.summarize(1, 0, 6, frame.length, frame, p, TcpFrameContext.UNKNOWN, null);
        DetailTreeBuilder.build(1, 0, 0, frame.length, frame, p, TcpFrameContext.UNKNOWN, null);
    }

    /** Any text as PASV/EPSV/LPSV replies and PORT/EPRT/LPRT arguments. */
    @FuzzTest(maxDuration = "10m")
    void setupParsers(String text) {
        SetupParsers.passive(text);
        SetupParsers.extendedPassive(text);
        SetupParsers.longPassive(text);
        SetupParsers.port(text);
        SetupParsers.extendedPort(text);
        SetupParsers.longPort(text);
        SetupParsers.hostPortSpans(text);
    }

    /** What the campaigns found, as plain assertions (the crash inputs themselves are replayed above). */
    @org.junit.jupiter.api.Test
    void findingsOfEarlierCampaignsStayFixed() {
        // LPRT "," split into no numbers at all: ArrayIndexOutOfBoundsException
        assertInstanceOf(org.ftpscope.ftp.parse.Parsed.Invalid.class, SetupParsers.longPort(","));
        assertInstanceOf(org.ftpscope.ftp.parse.Parsed.Invalid.class, SetupParsers.longPort(",\n\n"));
        assertInstanceOf(org.ftpscope.ftp.parse.Parsed.Invalid.class, SetupParsers.longPassive("(,)"));
        // a null argument (Jazzer passes null Strings)
        assertInstanceOf(org.ftpscope.ftp.parse.Parsed.Invalid.class, SetupParsers.port(null));
    }

    /** Any text as a display filter. */
    @FuzzTest(maxDuration = "10m")
    void displayFilter(String text) {
        DisplayFilter.compile(text);
    }
}
