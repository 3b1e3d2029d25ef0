package org.ftpscope.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureException;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.capture.CaptureWarning;
import org.ftpscope.capture.FrameIndex;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.FtpSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Stage 2: the carried connections of one capture point. Their frames are read again from each
 * file, in the files' order, into one local pcapng (what {@code mergecap -a} of the files, filtered
 * to these connections, would be) and analysed by the core as one capture.
 */
final class StitchStage {
    private StitchStage() {}

    /** What stage 1 hands over from one file: the frames (file-local numbers, ascending) to carry. */
    record Carry(int sequenceIndex, String file, int[] frames) implements Serializable {}

    record Result(List<Tables.SessionRows> sessions, List<Row> captureWide, Row capture) implements Serializable {}

    static Result run(String point, Iterable<Carry> carries, Map<String, String> hadoopConf, long maxFileBytes,
                      long maxStitchedBytes) {
        List<Carry> parts = new ArrayList<>();
        carries.forEach(parts::add);
        parts.sort(Comparator.comparingInt(Carry::sequenceIndex));
        List<String> files = parts.stream().map(Carry::file).toList();
        int total = parts.stream().mapToInt(c -> c.frames().length).sum();
        int[] fileIndex = new int[total], localFrame = new int[total];
        Path stitched = null;
        try {
            stitched = Files.createTempFile("ftpscope-spark-stitched-", ".pcapng");
            int n = 0;
            try (PcapngWriter out = new PcapngWriter(stitched)) {
                for (int p = 0; p < parts.size(); p++) {
                    Carry c = parts.get(p);
                    String error = copyFrames(c, hadoopConf, maxFileBytes, out, maxStitchedBytes);
                    if (error != null) return failed(point, files, total, error);
                    for (int f : c.frames()) { fileIndex[n] = p; localFrame[n] = f; n++; }
                }
            }
            FrameMap map = FrameMap.stitched(files, fileIndex, localFrame, total);
            try (Analysis a = Analyzer.analyze(stitched, null, null, false)) {
                List<Tables.SessionRows> sessions = new ArrayList<>();
                for (FtpSession s : a.sessions()) sessions.add(Tables.session(point, map, true, s, a.findings()));
                List<Row> wide = new ArrayList<>();
                for (Finding f : a.findings()) if (f.session() < 0) wide.add(Tables.finding(point, null, map, true, f));
                List<String> warnings = new ArrayList<>();
                for (CaptureWarning w : a.capture().warnings()) warnings.add(mapped(w, map));
                Row row = Tables.capture(null, point, "stitch", null, a.capture().formatLabel(), Files.size(stitched),
                        total, null, null, sessions.size(), null, total, warnings, null);
                return new Result(sessions, wide, row);
            }
        } catch (CaptureException | IOException | RuntimeException e) {
            return failed(point, files, total, "stitching failed: " + e);
        } finally {
            if (stitched != null) try { Files.deleteIfExists(stitched); } catch (IOException ignored) { /* temp dir */ }
        }
    }

    /** Appends the carried frames of one file; returns why not, or null. */
    private static String copyFrames(Carry c, Map<String, String> hadoopConf, long maxFileBytes, PcapngWriter out,
                                     long maxStitchedBytes) throws IOException, CaptureException {
        Path local = Files.createTempFile("ftpscope-spark-", ".capture");
        try {
            Configuration conf = new Configuration(false);
            hadoopConf.forEach(conf::set);
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(c.file());
            FileSystem fs = p.getFileSystem(conf);
            long size;
            try (InputStream in = fs.open(p)) { size = FileStage.copyBounded(in, local, maxFileBytes); }
            if (size < 0) return c.file() + " grew past the limit of " + maxFileBytes + " bytes since stage 1";
            try (CaptureFile cf = CaptureFile.open(local)) {
                FrameIndex index = cf.index();
                for (int f : c.frames()) {
                    if (f < 1 || f > index.size()) return c.file() + " changed since stage 1: it has no frame " + f;
                    byte[] bytes = cf.readFrame(f);
                    out.frame(index.linkType(f), index.timestampNanos(f), index.originalLength(f), bytes, bytes.length);
                    if (out.bytes() > maxStitchedBytes) {
                        return "the carried connections exceed the limit of " + maxStitchedBytes
                                + " bytes per capture point (--max-stitch-bytes): its stitched sessions are missing";
                    }
                }
            }
            return null;
        } finally {
            Files.deleteIfExists(local);
        }
    }

    private static String mapped(CaptureWarning w, FrameMap map) {
        String where = w.frame() > 0 && map.file(w.frame()) != null
                ? map.file(w.frame()) + " frame " + map.local(w.frame()) + ": " : "";
        return where + map.text(w.message());
    }

    private static Result failed(String point, List<String> files, int frames, String error) {
        return new Result(List.of(), List.of(), Tables.capture(null, point, "stitch", null, null, null, frames, null,
                null, null, null, frames, List.of("files: " + String.join(", ", files)), error));
    }
}
