package org.ftpscope.report;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code extract} streams: {@link ObjectExporter#writeAll} writes, from a streaming analysis and a
 * second streaming pass, the same files under the same names (with the same "(2)" suffixes) as
 * writing each object from the per-frame analysis's content spans, for every sample and derived
 * capture, listings included; no temp file is left behind.
 */
class StreamingExtractTest {
    static Stream<Path> captures() throws IOException { return TestCaptures.samplesAndDerived(); }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    static List<String> listing(List<ObjectExporter.Extracted> written, Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        for (ObjectExporter.Extracted x : written) {
            assertEquals(x.sha256(), sha256(x.file()), "the file holds what its digest says");
            out.add(dir.relativize(x.file()) + "\t" + x.bytes() + "\t" + x.missingBytes() + "\t" + x.sha256()
                    + "\t" + x.object().session().id() + "\t" + x.object().transfer().index());
        }
        return out;
    }

    static List<ObjectExporter.Extracted> writeAll(Path capture, List<ObjectExporter.FtpObject> objects, Path dir) throws Exception {
        List<ObjectExporter.Extracted> written = new ArrayList<>();
        ObjectExporter.writeAll(capture, objects, dir, false, new ObjectExporter.Outcome() {
            @Override public void written(ObjectExporter.FtpObject o, ObjectExporter.Extracted x) { written.add(x); }

            @Override public void failed(ObjectExporter.FtpObject o, OutputFailure failure) { throw new AssertionError(failure); }
        });
        return written;
    }

    @ParameterizedTest
    @MethodSource("captures")
    void theSameFilesAsFromTheContentSpans(Path capture, @TempDir Path tmp) throws Exception {
        Path one = tmp.resolve("one"), all = tmp.resolve("all");
        List<ObjectExporter.Extracted> expected = new ArrayList<>();
        try (Analysis a = Analyzer.analyze(capture)) {
            for (ObjectExporter.FtpObject o : ObjectExporter.objects(a, true)) expected.add(ObjectExporter.write(a, o, one, false));
        }
        List<ObjectExporter.Extracted> actual;
        try (Analysis a = Analyzer.analyzeStreaming(capture)) {
            actual = writeAll(capture, ObjectExporter.objects(a, true), all);
        }
        assertEquals(listing(expected, one), listing(actual, all));
        if (Files.isDirectory(all)) {
            try (Stream<Path> left = Files.list(all)) {
                assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".ftpscope-")), "a temp file was left");
            }
        }
    }

    @Test
    void writtenTwiceTheSecondCopiesGetASuffixAsBefore(@TempDir Path tmp) throws Exception {
        Path capture = TestCaptures.sample("pasv-curl.pcap");
        try (Analysis a = Analyzer.analyzeStreaming(capture)) {
            List<ObjectExporter.FtpObject> objects = ObjectExporter.objects(a, false);
            assertFalse(objects.isEmpty());
            List<ObjectExporter.Extracted> first = writeAll(capture, objects, tmp);
            List<ObjectExporter.Extracted> second = writeAll(capture, objects, tmp);
            for (int i = 0; i < objects.size(); i++) {
                String n = first.get(i).file().getFileName().toString(), m = second.get(i).file().getFileName().toString();
                int dot = n.lastIndexOf('.');
                assertEquals(dot < 0 ? n + " (2)" : n.substring(0, dot) + " (2)" + n.substring(dot), m);
                assertEquals(first.get(i).sha256(), second.get(i).sha256());
            }
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }
}
