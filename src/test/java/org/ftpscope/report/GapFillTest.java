package org.ftpscope.report;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hole in a cleartext transfer is written as zeros, so the file equals the real one except
 * there: {@code derived/pasv-curl-lost-data-segment.pcap} is {@code pasv-curl.pcap} without one
 * data frame ({@code editcap -r}), so the complete file is known from the original capture.
 */
class GapFillTest {
    private static final String NOTES = "notes-48k.txt";

    private static ObjectExporter.Extracted extract(Path capture, Path dir, GapFill fill, boolean streaming) throws Exception {
        try (Analysis a = Analyzer.analyze(capture, null)) {
            ObjectExporter.FtpObject notes = ObjectExporter.objects(a, false).stream()
                    .filter(o -> o.suggestedName().equals(NOTES)).findFirst().orElseThrow();
            if (!streaming) return ObjectExporter.write(a, notes, dir, false, fill);
            List<ObjectExporter.Extracted> out = new ArrayList<>();
            ObjectExporter.writeAll(capture, List.of(notes), dir, false, new ObjectExporter.Outcome() {
                @Override public void written(ObjectExporter.FtpObject o, ObjectExporter.Extracted x) { out.add(x); }

                @Override public void failed(ObjectExporter.FtpObject o, OutputFailure f) { throw new AssertionError(f); }
            }, fill);
            return out.get(0);
        }
    }

    @Test
    void theHoleIsZerosAndEveryOtherByteIsAtItsOffset(@TempDir Path tmp) throws Exception {
        byte[] real = Files.readAllBytes(extract(TestCaptures.sample("pasv-curl.pcap"), tmp.resolve("real"), new GapFill(), false).file());
        assertEquals(48000, real.length);
        for (boolean streaming : new boolean[] {false, true}) {
            ObjectExporter.Extracted x = extract(TestCaptures.sample("derived/pasv-curl-lost-data-segment.pcap"),
                    tmp.resolve("holed-" + streaming), new GapFill(), streaming);
            assertEquals(46552, x.bytes());
            assertEquals(1448, x.missingBytes());
            assertEquals(1448, x.filledBytes());
            assertEquals(0, x.unfilledBytes());
            byte[] holed = Files.readAllBytes(x.file());
            assertEquals(48000, holed.length);
            int first = 0;
            while (first < real.length && real[first] == holed[first]) first++;
            assertEquals(2896, first, "frame 48, removed by derive-data.sh, held bytes 2896..4343 (tshark: tcp.seq 2897, relative)");
            for (int i = first; i < first + 1448; i++) assertEquals(0, holed[i]);
            byte[] restored = holed.clone();
            System.arraycopy(real, first, restored, first, 1448);
            assertArrayEquals(real, restored, "only the hole differs");
            assertEquals(StreamingExtractTest.sha256(x.file()), x.sha256());
        }
    }

    @Test
    void pastTheBudgetHolesAreLeftOutAndCounted(@TempDir Path tmp) throws Exception {
        for (boolean streaming : new boolean[] {false, true}) {
            GapFill small = new GapFill(1000);
            ObjectExporter.Extracted x = extract(TestCaptures.sample("derived/pasv-curl-lost-data-segment.pcap"),
                    tmp.resolve("small-" + streaming), small, streaming);
            assertTrue(small.exhausted());
            assertEquals(1448, x.unfilledBytes());
            assertEquals(0, x.filledBytes());
            assertEquals(46552, Files.size(x.file()), "the bytes after the hole moved up");
            assertEquals("7a50ebba20ab94de20e4ab81fbbe13dd322d6a9380dbc27fbbd76c130c4ec8d6", x.sha256());
        }
        assertFalse(new GapFill(1448).exhausted());
    }

    @Test
    void theExportSummarySaysWhatWasFilled() {
        assertEquals("Saved 3 of 3 into /x; 1 with bytes missing from the capture: 1448 bytes of holes filled with zeros, so every"
                + " other byte is at its offset", ExportSummary.text(3, 3, "/x", 1, 1448, 0));
        assertEquals("Saved 2 of 2 into /x; 2 with bytes missing from the capture: 10 bytes of holes filled with zeros, so every"
                + " other byte is at its offset; 70000000 bytes of holes left out, the bytes after them moved up (limit GAP_FILL_BYTES"
                + " (67,108,864 bytes of holes filled with zeros in the files one extraction writes) reached)",
                ExportSummary.text(2, 2, "/x", 2, 10, 70_000_000));
        assertEquals("Saved 1 of 1 into /x", ExportSummary.text(1, 1, "/x", 0, 0, 0));
    }
}
