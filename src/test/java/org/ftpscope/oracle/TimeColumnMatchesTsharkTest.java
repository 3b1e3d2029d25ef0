package org.ftpscope.oracle;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.present.FrameViews;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Time column equals tshark 4.0.17's ({@code _ws.col.Time}, default "automatic" precision: the
 * resolution of the frame's timestamps, the fraction truncated) on every frame of every sample and
 * derived capture. The oracle files are written by samples/derive-columns.sh.
 */
class TimeColumnMatchesTsharkTest {
    private static final Path ORACLE = Path.of("src", "test", "resources", "org", "ftpscope", "tshark-time");

    @TestFactory
    List<DynamicTest> everyFramesTimeAsTshark() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (var files = Files.list(ORACLE)) {
            for (Path oracle : files.sorted().toList()) {
                String name = oracle.getFileName().toString().replaceFirst("\\.tsv\\.gz$", "");
                tests.add(DynamicTest.dynamicTest(name, () -> compare(name, oracle)));
            }
        }
        assertTrue(tests.size() >= 67, "oracle files: " + tests.size());
        return tests;
    }

    private static void compare(String name, Path oracle) throws Exception {
        Path capture = TestCaptures.sample(name.startsWith("derived--") ? "derived/" + name.substring(9) : name);
        List<String> differ = new ArrayList<>();
        int frames = 0;
        try (Analysis a = Analyzer.analyze(capture);
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(oracle)),
                     StandardCharsets.UTF_8))) {
            FrameViews v = new FrameViews(a);
            for (String line; (line = r.readLine()) != null; frames++) {
                String[] t = line.split("\t", -1);
                String ours = v.summary(Integer.parseInt(t[0])).timeText();
                if (!ours.equals(t[1]) && differ.size() < 5) differ.add("frame " + t[0] + ": tshark " + t[1] + ", ftpscope " + ours);
            }
            assertEquals(a.capture().frameCount(), frames, name + ": frames");
        }
        assertEquals(List.of(), differ, name);
    }

    /** The audit's cases: 9 decimals of a nanosecond pcap and pcapng, 3 of a millisecond pcapng, truncation. */
    @Test
    void precisionIsTheTimestampsResolution() throws Exception {
        assertEquals(List.of("0.000000000", "0.000017083", "0.000036399"), times("pasv-nanosecond.pcap", 1, 3));
        assertEquals(List.of("0.000000000", "0.000017764", "0.000036229"), times("pasv-curl.pcapng", 1, 3));
        assertEquals(List.of("0.000000", "0.000006", "0.000007"), times("pasv-curl.pcap", 1, 3), "a µs pcap: 6");
        // if_tsresol 10^-3: "0.006", not "0.006000".
        assertEquals(List.of("0.000", "0.006", "0.006"), times("derived/pasv-nanosecond-ms.pcapng", 3, 5));
        // if_tsresol 2^-10: frame 4 is 0.004882812 s, shown truncated as 0.004 (rounding gave 0.004883, then 0.005).
        assertEquals(List.of("0.004"), times("derived/pasv-nanosecond-2e-10.pcapng", 4, 4));
    }

    private static List<String> times(String sample, int from, int to) throws Exception {
        try (Analysis a = Analyzer.analyze(TestCaptures.sample(sample))) {
            FrameViews v = new FrameViews(a);
            List<String> out = new ArrayList<>();
            for (int f = from; f <= to; f++) out.add(v.summary(f).timeText());
            return out;
        }
    }
}
