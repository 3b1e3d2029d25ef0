package org.ftpscope.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.ftp.findings.Finding;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.ftp.model.Transfer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The job in local[2] on real samples: captures split with editcap at test time give the tables of
 * the unsplit capture, file by file and frame by frame; unsplit files give what analyze gives; a
 * damaged file is a row of the captures table, not a failed job.
 */
class ArchiveJobTest {
    static final Path WORK = Path.of("target", "spark-it");
    static final Path IN = WORK.resolve("in");
    static final Path OUT = WORK.resolve("out");
    static SparkSession spark;
    static Map<String, Long> counts;

    @BeforeAll
    static void runJob() throws Exception {
        assumeTrue(tool("editcap") && tool("mergecap"), "editcap/mergecap (Wireshark) are not installed");
        deleteTree(WORK);
        Files.createDirectories(IN);
        split(Path.of("samples", "mirror-long.pcap"), "mirror", 1000);
        split(Path.of("samples", "pasv-curl.pcap"), "curl", 60);
        run("mergecap", "-w", WORK.resolve("merged.pcap").toString(), "samples/pasv-curl.pcap",
                "samples/epsv-ftplib.pcap", "samples/active-port.pcap", "samples/concurrent-clients.pcap");
        split(WORK.resolve("merged.pcap"), "multi", 250);
        Path mixed = Files.createDirectories(IN.resolve("mixed"));
        Files.copy(Path.of("samples", "firewall-blocks-pasv.pcap"), mixed.resolve("firewall-blocks-pasv.pcap"));
        Files.copy(Path.of("samples", "hostile-names.pcap"), mixed.resolve("hostile-names.pcap"));
        try (InputStream in = Files.newInputStream(Path.of("samples", "active-port.pcap"));
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(mixed.resolve("active-port.pcap.gz")))) {
            in.transferTo(out);
        }
        Files.writeString(mixed.resolve("notes.pcap"), "this is no capture file\n");
        spark = SparkSession.builder().master("local[2]").appName("ftpscope-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        counts = ArchiveJob.run(spark, JobOptions.parse(new String[] {
                "--input", IN.toAbsolutePath() + "/*/*", "--output", OUT.toAbsolutePath().toString()}));
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void mirrorLongSplitInSixGivesTheUnsplitSessionAndAll300Retrs() throws Exception {
        List<Path> parts = parts("mirror");
        assertEquals(6, parts.size());
        assertSameAsUnsplit(Path.of("samples", "mirror-long.pcap"), parts);
        List<Row> t = rows("transfers", "mirror");
        assertEquals(332, t.size());
        assertEquals(300, t.stream().filter(r -> "RETR".equals(r.getAs("command"))).count());
        // the first RETR (f001.txt, frame 86 of the recording) is in the first part, its session stitched
        Row first = t.stream().filter(r -> "RETR".equals(r.getAs("command")))
                .min(Comparator.comparingInt(r -> r.<Integer>getAs("index"))).orElseThrow();
        Row cmd = first.getAs("command_frame");
        assertEquals(86, cmd.<Integer>getAs("frame"));
        assertTrue(cmd.<String>getAs("file").contains("part_00000_"));
        assertTrue(first.<Boolean>getAs("stitched"));
    }

    @Test
    void pasvCurlSplitInThreeGivesTheUnsplitTransfer() throws Exception {
        List<Path> parts = parts("curl");
        assertEquals(3, parts.size());
        assertSameAsUnsplit(Path.of("samples", "pasv-curl.pcap"), parts);
    }

    @Test
    void fourRecordingsMergedAndSplitGiveTheMergedCapturesSessions() throws Exception {
        List<Path> parts = parts("multi");
        assertSameAsUnsplit(WORK.resolve("merged.pcap"), parts);
        List<Row> sessions = rows("sessions", "multi");
        assertEquals(10, sessions.size()); // as analyze of merged.pcap: the assertion above
        // some sessions lie inside one part (stage 1 keeps them), others cross a cut
        assertTrue(sessions.stream().anyMatch(r -> r.<Boolean>getAs("stitched")));
        assertTrue(sessions.stream().anyMatch(r -> !r.<Boolean>getAs("stitched")));
    }

    @Test
    void unsplitFilesGiveWhatAnalyzeGivesFileByFile() throws Exception {
        for (String name : List.of("firewall-blocks-pasv.pcap", "hostile-names.pcap", "active-port.pcap.gz")) {
            Path p = IN.resolve("mixed").resolve(name);
            String file = "file:" + p.toAbsolutePath();
            try (Analysis a = Analyzer.analyze(p)) {
                FrameMap map = FrameMap.single(file, a.capture().frameCount());
                assertEquals(expectedTransfers(a, map), actualTransfers(file), name);
                assertEquals(expectedFindings(a, map), actualFindings(file), name);
            }
        }
    }

    @Test
    void aDamagedFileIsACaptureRowWithItsErrorAndTheJobGoesOn() {
        Dataset<Row> c = spark.read().parquet(OUT.resolve("captures").toString());
        List<Row> notes = c.filter("file like '%/mixed/notes.pcap'").collectAsList();
        assertEquals(1, notes.size());
        String error = notes.get(0).getAs("error");
        assertNotNull(error);
        assertTrue(error.contains("notes.pcap"), error);
        assertFalse(error.contains("ftpscope-spark-"), "names the archive file, not the temporary copy: " + error);
        assertEquals(1L, counts.get("capture files not analysed"));
        assertEquals(6 + 3 + 6 + 4L, counts.get("capture files"));
    }

    @Test
    void theCapturesTableSaysWhatEachFileCarriedToStage2() {
        Dataset<Row> c = spark.read().parquet(OUT.resolve("captures").toString());
        // mirror-long: its one session is in every part and crosses every cut, so each part carries it
        List<Row> mirror = c.filter("file like '%/mirror/%'").orderBy("sequence_index").collectAsList();
        assertEquals(List.of(998, 1000, 1000, 1000, 1000, 936),
                mirror.stream().map(r -> r.<Integer>getAs("frames_carried")).toList());
        assertTrue(mirror.stream().allMatch(r -> r.<Integer>getAs("sessions_carried") == 1));
        Row stitch = c.filter("stage = 'stitch' and capture_point like '%/mirror/%'").collectAsList().get(0);
        assertEquals(5934, stitch.<Integer>getAs("frames"));
        assertEquals(1, stitch.<Integer>getAs("sessions_here"));
        // the merged recordings: some sessions stay in stage 1 (3 of part 0's, 2 of part 1's are not carried)
        List<Row> multi = c.filter("file like '%/multi/%'").orderBy("sequence_index").collectAsList();
        assertEquals(List.of(3, 4, 4, 2, 1, 4), multi.stream().map(r -> r.<Integer>getAs("sessions_here")).toList());
        assertEquals(List.of(1, 2, 4, 2, 1, 4), multi.stream().map(r -> r.<Integer>getAs("sessions_carried")).toList());
        // single files are not stitched
        assertTrue(c.filter("file like '%/mixed/%' and error is null").collectAsList().stream()
                .allMatch(r -> r.<Integer>getAs("frames_carried") == 0));
    }

    @Test
    void summaryCountsAndEscapesWhatCapturesSay() throws IOException {
        String html = Files.readString(OUT.resolve("summary.html"));
        assertTrue(html.contains("<th>capture files</th><td>19</td>"), html);
        assertFalse(html.contains("<script"), "hostile-names.pcap's names are escaped");
    }

    // --- comparison with the unsplit capture -------------------------------------------------

    private static void assertSameAsUnsplit(Path whole, List<Path> parts) throws Exception {
        List<String> files = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Path p : parts) {
            files.add("file:" + p.toAbsolutePath());
            try (CaptureFile cf = CaptureFile.open(p)) { sizes.add(cf.frameCount()); }
        }
        try (Analysis a = Analyzer.analyze(whole)) {
            int total = a.capture().frameCount();
            assertEquals(total, sizes.stream().mapToInt(Integer::intValue).sum());
            int[] fileIndex = new int[total], local = new int[total];
            for (int i = 0, n = 0; i < sizes.size(); i++) {
                for (int f = 1; f <= sizes.get(i); f++, n++) { fileIndex[n] = i; local[n] = f; }
            }
            FrameMap map = FrameMap.stitched(files, fileIndex, local, total);
            String dir = parts.get(0).getParent().getFileName().toString();
            assertEquals(expectedSessions(a, map), actualSessions(dir));
            assertEquals(expectedTransfers(a, map), actualTransfers("/" + dir + "/"));
            assertEquals(expectedFindings(a, map), actualFindings("/" + dir + "/"));
        }
    }

    private static List<String> expectedSessions(Analysis a, FrameMap map) {
        List<String> out = new ArrayList<>();
        for (FtpSession s : a.sessions()) {
            out.add(String.join(" ", s.client().toString(), s.server().toString(), ref(map, s.firstFrame()),
                    ref(map, s.lastFrame()), String.valueOf(s.user()), String.valueOf(s.login().label()),
                    String.valueOf(s.commands().size()), String.valueOf(s.transfers().size())));
        }
        return sorted(out);
    }

    private static List<String> actualSessions(String dir) {
        List<String> out = new ArrayList<>();
        for (Row r : rows("sessions", dir)) {
            out.add(String.join(" ", r.getAs("client_ip") + ":" + r.getAs("client_port"),
                    r.getAs("server_ip") + ":" + r.getAs("server_port"), ref(r.getAs("first_frame")),
                    ref(r.getAs("last_frame")), String.valueOf(r.<String>getAs("user")), r.getAs("login"),
                    String.valueOf(r.<Integer>getAs("commands")), String.valueOf(r.<Integer>getAs("transfers"))));
        }
        return sorted(out);
    }

    private static List<String> expectedTransfers(Analysis a, FrameMap map) {
        List<String> out = new ArrayList<>();
        for (FtpSession s : a.sessions()) {
            for (Transfer t : s.transfers()) {
                out.add(String.join(" ", ref(map, s.firstFrame()), String.valueOf(t.index()), t.command(),
                        String.valueOf(t.path()), String.valueOf(t.bytes()), String.valueOf(t.sha256()),
                        String.valueOf(t.complete()), t.outcome().label(), ref(map, t.commandFrame()),
                        ref(map, t.replyFrame()), ref(map, t.firstDataFrame()),
                        t.data() == null ? "-" : t.data().state().label() + " " + ref(map, t.data().firstFrame())
                                + " " + ref(map, t.data().lastFrame())));
            }
        }
        return sorted(out);
    }

    private static List<String> actualTransfers(String fileLike) {
        List<String> out = new ArrayList<>();
        for (Row r : rows("transfers", fileLike)) {
            out.add(String.join(" ", r.<String>getAs("session_key").replaceFirst("#", "@"),
                    String.valueOf(r.<Integer>getAs("index")), r.getAs("command"), String.valueOf(r.<String>getAs("path")),
                    String.valueOf(r.<Long>getAs("bytes")), String.valueOf(r.<String>getAs("sha256")),
                    String.valueOf(r.<Boolean>getAs("complete")), r.getAs("outcome"), ref(r.getAs("command_frame")),
                    ref(r.getAs("reply_frame")), ref(r.getAs("first_data_frame")),
                    r.getAs("data_state") == null ? "-" : r.getAs("data_state") + " " + ref(r.getAs("data_first_frame"))
                            + " " + ref(r.getAs("data_last_frame"))));
        }
        return sorted(out);
    }

    /** The session-bound findings (capture-wide ones are per analysed capture, see docs/spark.md). */
    private static List<String> expectedFindings(Analysis a, FrameMap map) {
        List<String> out = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (f.session() < 0) continue;
            out.add(String.join(" ", f.kind().name(), ref(map, f.frame()), map.text(f.message())));
        }
        return sorted(out);
    }

    private static List<String> actualFindings(String fileLike) {
        List<String> out = new ArrayList<>();
        for (Row r : rows("findings", fileLike)) {
            if (r.getAs("session_key") == null) continue;
            out.add(String.join(" ", r.<String>getAs("kind"), ref(r.getAs("frame")), r.<String>getAs("message")));
        }
        return sorted(out);
    }

    /** Rows of a table whose capture files include one whose path contains {@code fileLike}. */
    static List<Row> rows(String table, String fileLike) {
        return spark.read().parquet(OUT.resolve(table).toString())
                .filter("exists(capture_files, f -> f like '%" + fileLike + "%')").collectAsList();
    }

    private static String ref(FrameMap map, int frame) {
        String f = map.file(frame);
        return f == null ? "-" : f + "@" + map.local(frame);
    }

    private static String ref(Row r) { return r == null ? "-" : r.getAs("file") + "@" + r.getAs("frame"); }

    private static List<String> sorted(List<String> l) { return l.stream().sorted().toList(); }

    // --- test data -----------------------------------------------------------------------------

    private static void split(Path capture, String dir, int framesPerPart) throws Exception {
        Path d = Files.createDirectories(IN.resolve(dir));
        run("editcap", "-c", Integer.toString(framesPerPart), capture.toString(), d.resolve("part.pcap").toString());
    }

    private static List<Path> parts(String dir) throws IOException {
        try (Stream<Path> s = Files.list(IN.resolve(dir))) { return s.sorted().toList(); }
    }

    private static boolean tool(String name) {
        try {
            return new ProcessBuilder(name, "-v").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
