package org.ftpscope.cli;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.Limit;
import org.ftpscope.ftp.model.FtpSession;
import org.ftpscope.present.Masking;
import org.ftpscope.present.SessionLadder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every capture samples/hostile/make.py writes, through {@code analyze}, {@code frames} and
 * {@code report}: each exits 0, names the limit it reached (stderr, JSON, HTML) and counts what it
 * dropped. Surefire runs this with -Xmx256m, the bound the README promises, so the heap-scaled
 * limits are the ones users get; the expected counts are computed from {@link Limit} so they hold
 * at any heap. (How long each input takes is a benchmark in docs/limits.md, not a test.)
 */
class HostileCorpusTest {
    static final Path CORPUS = Path.of("target", "hostile");
    static final Path OUT = Path.of("target", "hostile-out");

    @BeforeAll
    static void generate() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "samples/hostile/make.py", CORPUS.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed: the hostile corpus cannot be generated (" + e.getMessage() + ")");
            return;
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "make.py did not finish");
        assertEquals(0, p.exitValue(), "make.py failed");
        Files.createDirectories(OUT);
    }

    /** Output counted, not kept (a flood prints millions of lines); its first 64 KiB are kept. */
    static final class Counting extends OutputStream {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        long bytes, lines;

        @Override public void write(int b) {
            if (head.size() < 65536) head.write(b);
            bytes++;
            if (b == '\n') lines++;
        }

        @Override public void write(byte[] b, int off, int len) {
            int keep = Math.min(len, 65536 - head.size());
            if (keep > 0) head.write(b, off, keep);
            bytes += len;
            for (int i = off; i < off + len; i++) if (b[i] == '\n') lines++;
        }
    }

    record Run(int code, String err, long lines, String head) {}

    /**
     * The command as a user runs it: its own JVM with {@code -Xmx256m} (the heap-scaled limits assume
     * the heap is the command's alone, which the shared test JVM is not).
     */
    /** In this JVM: for arguments too long for a command line (the deep filters). */
    static Run runHere(String... args) {
        Counting out = new Counting();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, false, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8), out.lines, out.head.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) { return runUnder(List.of(), args); }

    /** As {@link #run}, started by {@code prefix} (e.g. a shell that sets a ulimit first, then execs the rest). */
    static Run runUnder(List<String> prefix, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.ftpscope.Main"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            Counting out = new Counting();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drainErr = new Thread(() -> {
                try (var in = p.getErrorStream()) { in.transferTo(err); } catch (IOException ignored) { }
            });
            drainErr.start();
            try (var in = p.getInputStream()) { in.transferTo(out); }
            int code = p.waitFor();
            drainErr.join();
            return new Run(code, err.toString(StandardCharsets.UTF_8), out.lines, out.head.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String input(String name) {
        Path p = CORPUS.resolve(name);
        assertTrue(Files.exists(p), p + " was not generated");
        return p.toString();
    }

    static String n(long v) { return String.format(Locale.ROOT, "%,d", v); }

    /**
     * analyze, frames and report on one input: exit 0, {@code frames} frames read, and every
     * expected warning (the limit's label and the text with the counts) on stderr, in the JSON
     * capture section and in the HTML report; no other limit is named.
     */
    static void check(String name, int frames, List<String> warnings) throws IOException {
        check(name, frames, warnings, frames, warnings);
    }

    /**
     * The same where {@code analyze} differs: it streams (keeps nothing per frame), so the FRAMES
     * limit of the frame list and the report does not stop it.
     */
    static void check(String name, int frames, List<String> warnings, int analyzedFrames, List<String> analyzeWarnings)
            throws IOException {
        String file = input(name);
        Run analyze = run("analyze", file);
        assertEquals(0, analyze.code(), analyze.err());
        Matcher m = Pattern.compile("\"frames\": (\\d+)").matcher(analyze.head());
        assertTrue(m.find(), "no frame count in the JSON");
        assertEquals(analyzedFrames, Integer.parseInt(m.group(1)));
        assertLimitWarnings(file, analyze, analyzeWarnings);
        for (String w : analyzeWarnings) assertTrue(analyze.head().contains(json(w)), "JSON capture.warnings lacks " + w);

        Run list = run("frames", file);
        assertEquals(0, list.code(), list.err());
        assertEquals(frames, list.lines());

        // report streams as analyze does: its frames and warnings are analyze's, and the limits the HTML report reaches
        Path html = OUT.resolve(name + ".html");
        Run report = run("report", file, "--out", html.toString(), "--force");
        assertEquals(0, report.code(), report.err());
        assertLimitWarnings(file, list, warnings);
        List<String> reportWarnings = new ArrayList<>(analyzeWarnings);
        reportWarnings.addAll(reportLimits(name, "html"));
        assertLimitWarnings(file, report, reportWarnings);
        assertTrue(report.head().startsWith("wrote " + html + " (html, "), report.head());
        assertContains(html, reportWarnings.stream().map(HostileCorpusTest::html).toList());
    }

    /** Every one of {@code wanted} on some line of {@code file}, read line by line (a report can be large). */
    static void assertContains(Path file, List<String> wanted) throws IOException {
        List<String> missing = new ArrayList<>(wanted);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null && !missing.isEmpty(); ) {
                String l = line;
                missing.removeIf(l::contains);
            }
        }
        assertEquals(List.of(), missing, file + " lacks these warnings");
    }

    /**
     * The report limits (REPORT_ROWS, LADDER_ARROWS) a format reaches on an input, beside the
     * analysis's. The counts are of what the analysis kept of the flood's one session (its story:
     * commands, replies, setups, findings; its ladder: commands and replies); the frames are where
     * the first line left out is.
     */
    /**
     * A one-session flood's report warnings: its story cut at REPORT_ROWS (HTML and Markdown), its
     * ladder at LADDER_ARROWS (HTML only); none for the JSON and CSV reports.
     */
    private static List<String> oneSessionCut(boolean html, boolean md, int rowsFrame, String storyLines, int ladderFrame,
                                              String arrows) {
        if (!html && !md) return List.of();
        List<String> rows = List.of(limit(Limit.REPORT_ROWS, "frame " + rowsFrame) + "session #0: the report lists the first 10,000"
                + " of its " + storyLines + " story lines; the JSON and CSV reports list all that the analysis kept");
        return html ? concat(rows, List.of(limit(Limit.LADDER_ARROWS, "frame " + ladderFrame) + "session #0: its ladder diagram"
                + " draws the first 2,000 of " + arrows + " arrows")) : rows;
    }

    static List<String> reportLimits(String name, String format) {
        boolean html = format.equals("html"), md = format.equals("md");
        return switch (name) {
            // 100,000 replies kept (the greeting and 99,999 empty ones) and 1,000 findings: 101,000 story lines
            case "line-flood.pcap.gz" -> oneSessionCut(html, md, 10, "101,000", 5, "100,000");
            // the 100,000 lines or setups kept: 66,689 commands and replies, the rest setups and findings
            case "port-flood.pcap.gz" -> oneSessionCut(html, md, 161, "100,034", 51, "66,689");
            // 30,000 PORT, 30,001 replies, 30,000 setups and 30,001 findings (each PORT a bounce, and a session-wide one)
            case "port-bounce-flood.pcap.gz" -> oneSessionCut(html, md, 122, "120,002", 51, "60,001");
            // 10,500 PORT, 10,501 replies, 10,500 setups and 10,501 findings; PORT i is frame 5 + 2i, its reply 6 + 2i
            case "bounce-frames.pcap.gz" -> oneSessionCut(html, md, 5003, "42,002", 2004, "21,001");
            default -> List.of();
        };
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Every expected warning on stderr, no other limit named, no failure. */
    static void assertLimitWarnings(String file, Run r, List<String> warnings) {
        for (String w : warnings) assertTrue(r.err().contains("ftpscope: " + file + ": " + w), "stderr lacks " + w + ":\n" + r.err());
        assertEquals(warnings.stream().filter(w -> w.startsWith("limit ")).count(),
                r.err().lines().filter(l -> l.contains(": limit ")).count(), r.err());
        assertFalse(r.err().contains("failed"), r.err());
    }

    static String json(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String limit(Limit l, String at) { return l.label() + " reached at " + at + ": "; }

    // ---- floods of lines ----

    @Test
    void lineFloodKeepsAHundredThousandLinesAndCountsTheRest() throws IOException {
        // 8 bytes of greeting + 1,000,000 LF in 1460-byte segments: 685 segments, plus handshake and close.
        // Line 100,001 is the LF at stream byte 100,007: segment 68, frame 72 (each empty line is
        // in its own frame, not in the frame where the last non-empty line began).
        check("line-flood.pcap.gz", 691, List.of(
                limit(Limit.CONTROL_LINES_PER_SESSION, "frame 72") + "900,001 control-channel lines or setups were counted, not kept",
                limit(Limit.FINDINGS_PER_SESSION, "frame 4") + "999,000 further parse findings were counted, not listed"));
    }

    @Test
    void tenMillionEmptyLinesInOneReplyStopAtReplyLines() throws IOException {
        // "220-hi" is frame 4; line 10,001 of the reply is the LF at byte 9,999 of the flood that
        // starts in frame 5: segment 6, frame 11.
        check("multiline-10m-empty.pcap.gz", 6858, List.of(
                limit(Limit.REPLY_LINES, "frame 11") + "9,990,001 lines of over-long multi-line replies were counted, not kept"));
    }

    @Test
    void sixRepliesOfAMillionLinesEachStopAtReplyLines() throws IOException {
        // 6 x (1,000,000 - 10,000 + 1) lines past the limit: 5,940,006.
        check("six-replies-1m-lines.pcap.gz", 8226, List.of(
                limit(Limit.REPLY_LINES, "frame 17") + "5,940,006 lines of over-long multi-line replies were counted, not kept"));
    }

    @Test
    void portFloodKeepsAHundredThousandLines() throws IOException {
        // 500,000 PORT + 500,000 replies + the greeting = 1,000,001 lines; after the first 100,000,
        // 933,281 lines or setups are counted (a kept line's setup past the limit counts too).
        check("port-flood.pcap.gz", 25651, List.of(
                limit(Limit.CONTROL_LINES_PER_SESSION, "frame 1634") + "933,281 control-channel lines or setups were counted, not kept"));
    }

    /**
     * The ladder of a PORT flood is bounded by construction: of the 66,689 commands and replies the
     * analysis kept, the first LADDER_ARROWS are built, the rest counted. The greeting is frame 4;
     * each block of 64 PORT commands is one frame and its 64 replies (30 bytes each) two segments
     * of which the first holds the start of 49 (a line is in the frame it starts in), so the first
     * 2,000 arrows end with the 15th reply in frame 51 (1 + 15 x 128 + 64 + 15) and the 16th, in
     * the same frame, is the first not drawn.
     */
    @Test
    void portFloodLadderBuildsOnlyTheArrowsItDraws() throws Exception {
        try (Analysis a = Analyzer.analyzeStreaming(Path.of(input("port-flood.pcap.gz")))) {
            SessionLadder l = SessionLadder.bounded(a.sessions().get(0), a.streams(), Masking.MASKED);
            assertEquals(Limit.LADDER_ARROWS.intValue(), l.arrows().size());
            assertEquals(66_689, l.totalArrows());
            assertEquals(64_689, l.notDrawn());
            assertEquals(51, l.firstFrameNotDrawn());
            assertEquals(List.of(4, 5, 6, 7, 51), List.of(l.arrows().get(0).frame(), l.arrows().get(1).frame(),
                    l.arrows().get(65).frame(), l.arrows().get(114).frame(), l.arrows().get(1999).frame()));
            assertEquals("200 PORT command successful.", l.arrows().get(1999).label());
            assertEquals(List.of("10.0.0.1:40000", "10.0.0.2:21"), l.lifelines().stream().map(SessionLadder.Lifeline::label).toList());
            assertEquals(Limit.LADDER_ARROWS.label() + " reached at frame 51: the first 2,000 of 66,689 arrows are drawn", l.limitNote());
        }
    }

    /**
     * Every PORT of the bounce flood names an endpoint of its own. The whole ladder claimed a
     * lifeline for each of the 30,000 (drawn as 7 and "29993 more endpoints"); the bounded one claims
     * those of the setups before the first arrow not drawn: the 16 blocks of 64 PORTs in frames 5 to
     * 50, 1,024 endpoints, 7 drawn and 1,017 sharing one lifeline.
     */
    @Test
    void portBounceFloodLadderClaimsOnlyTheLifelinesOfWhatItDraws() throws Exception {
        check("port-bounce-flood.pcap.gz", 1455, List.of());
        try (Analysis a = Analyzer.analyzeStreaming(Path.of(input("port-bounce-flood.pcap.gz")))) {
            FtpSession s = a.sessions().get(0);
            assertEquals(30_000, s.setups().size());
            SessionLadder l = SessionLadder.bounded(s, a.streams(), Masking.MASKED);
            assertEquals(List.of(2_000, 60_001, 51), List.of(l.arrows().size(), l.totalArrows(), l.firstFrameNotDrawn()));
            List<String> labels = l.lifelines().stream().map(SessionLadder.Lifeline::label).toList();
            assertEquals(List.of("10.0.0.1:40000", "10.0.0.2:21", "10.0.0.3:1024", "10.0.0.3:1025", "10.0.0.3:1026", "10.0.0.3:1027",
                    "10.0.0.3:1028", "10.0.0.3:1029", "10.0.0.3:1030", "1017 more endpoints"), labels);
            assertEquals("1017 further endpoints (advertised addresses, third hosts) share this lifeline", l.lifelines().get(9).note());
        }
    }

    // ---- bounds that were constants of their own classes ----

    /** The USER (frame 5) and the 331 reply: two lines past 64 KiB, each cut and counted. */
    @Test
    void controlLinesPastTheirLimitAreCutAndCounted() throws IOException {
        check("long-control-lines.pcap", 126, List.of(limit(Limit.CONTROL_LINE_BYTES, "frame 5")
                + "2 control-channel lines were cut at that length; the rest of each, up to its line end, was not read"));
        assertTrue(Files.readString(OUT.resolve("long-control-lines.pcap.html")).contains(html("a command line longer than 65536 bytes was cut ("
                + Limit.CONTROL_LINE_BYTES.label() + ")")));
    }

    /**
     * 60 NOOPs not captured: 60 gaps. Each NOOP's frame is followed by the server's two replies, whose
     * ACK shows the missing bytes; the 51st gap is noticed at frame 6 + 2 x 50 = 106.
     */
    @Test
    void controlGapsPastFiftyAreCountedInOneFinding() throws IOException {
        check("control-gaps.pcap", 129, List.of(limit(Limit.CONTROL_GAP_FINDINGS, "frame 106")
                + "10 further places where control-channel bytes are missing were counted in one finding, not listed one by one"));
        assertTrue(Files.readString(OUT.resolve("control-gaps.pcap.html")).contains(html("Control channel: 10 more places where bytes are"
                + " missing (60 bytes), not listed one by one (" + Limit.CONTROL_GAP_FINDINGS.label() + ").")));
    }

    /** Frame 1 is 4 tunnels deep and decoded; frame 2 is 5 deep: the warning names it, its Info says so. */
    @Test
    void ipTunnelledPastTheLimitIsNotDecodedAndSaidSo() throws IOException {
        check("tunnels-5.pcap", 2, List.of(limit(Limit.IP_TUNNELS, "frame 2")
                + "1 frame carries IP tunnelled in IP more times: the packet inside is not decoded, and no TCP or FTP is read from it"));
        Run list = run("frames", input("tunnels-5.pcap"));
        List<String> lines = list.head().lines().toList();
        assertTrue(lines.get(0).contains("40000 → 21 [SYN]"), lines.get(0));
        assertTrue(lines.get(1).contains("IP tunnelled in IP more than 4 times (" + Limit.IP_TUNNELS.label() + ")"), lines.get(1));
    }

    /**
     * AUTH TLS, then 25 data connections: the finding names 20 and counts 5; the 21st connection's
     * SYN is frame 191 (frames 9 + 9 x 20 + 2: each round is two control records and a 7-frame connection).
     */
    @Test
    void encryptedSessionDataPastTwentyIsCounted() throws IOException {
        check("ftps-25-data.pcap", 236, List.of(limit(Limit.ENCRYPTED_DATA_LISTED, "frame 191") + "5 inferred data connections of"
                + " encrypted sessions were counted, not named one by one, in their sessions' encrypted-session-data findings"));
        assertTrue(Files.readString(OUT.resolve("ftps-25-data.pcap.html")).contains(html(", and 5 more ("
                + Limit.ENCRYPTED_DATA_LISTED.label() + ")")));
    }

    /**
     * A control channel cut to its headers, and 25 connections between its hosts: the finding names 20
     * and counts 5; the 21st connection's SYN is frame 189 (3 handshake + 3 cut frames, then 20 rounds
     * of a cut PASV, its cut reply and a 7-frame connection, then the 2 cut frames before the 21st).
     */
    @Test
    void connectionsBesideACutSessionPastTwentyAreCounted() throws IOException {
        check("cut-control-25-data.pcap", 234, List.of(limit(Limit.CUT_SESSION_DATA_LISTED, "frame 189") + "5 connections beside"
                + " sessions whose control channel the snapshot length cut were counted, not named one by one, in those sessions'"
                + " control-bytes-missing findings"));
        assertTrue(Files.readString(OUT.resolve("cut-control-25-data.pcap.html")).contains(html("25 connections between 10.0.0.1 and"
                + " 10.0.0.2 began while the session was open")));
        assertTrue(Files.readString(OUT.resolve("cut-control-25-data.pcap.html")).contains(html(", and 5 more ("
                + Limit.CUT_SESSION_DATA_LISTED.label() + ")")));
    }

    /** The TLS limits tls-limits.pcap reaches with any key log (make.py says how each frame number comes about). */
    static List<String> tlsLimitWarnings() {
        return List.of(
                // the 234 that started TLS: frame 4 is the greeting, then 70 rounds of a 1,002-byte SITE and its 200, then AUTH TLS
                limit(Limit.TLS_CLEARTEXT_PREFIX, "frame 146") + "1 control connection went over to TLS after more cleartext"
                        + " than that: its TLS was not read, so it is not decrypted",
                // the last frame of the first of the 17 records of stream 2's 262,145-byte message (frames 1127-1138)
                limit(Limit.TLS_HANDSHAKE_MESSAGE, "frame 1138") + "1 TLS handshake message was skipped, not parsed: what it"
                        + " carries (a certificate chain, a hello) is not shown",
                limit(Limit.TLS_CERTIFICATES, "frame 156") + "2 further certificates of servers' chains were counted, not parsed",
                limit(Limit.TLS_ALERTS, "frame 157") + "8 further TLS alerts were counted, not kept",
                // 100,000 tickets in 86 records fill frames 158-1117; the 100,001st is frame 1118
                limit(Limit.TLS_SESSION_CACHE, "frame 1118") + "1 TLS 1.2 session id or ticket was not remembered: a later"
                        + " connection resuming one is decrypted only if the key log has a line for its own client random");
    }

    /**
     * analyze, frames and report with {@code --tls-keylog}: exit 0, the frame count, every expected
     * warning on stderr (once), in the JSON capture section and in the HTML report; no other limit.
     */
    static void checkWithKeyLog(String name, String keys, int frames, List<String> warnings) throws IOException {
        String file = input(name), keyLog = input(keys);
        Run analyze = run("analyze", file, "--tls-keylog", keyLog);
        assertEquals(0, analyze.code(), analyze.err());
        Matcher m = Pattern.compile("\"frames\": (\\d+)").matcher(analyze.head());
        assertTrue(m.find(), "no frame count in the JSON");
        assertEquals(frames, Integer.parseInt(m.group(1)));
        assertLimitWarnings(file, analyze, warnings);
        for (String w : warnings) assertTrue(analyze.head().contains(json(w)), "JSON capture.warnings lacks " + w);
        Run list = run("frames", file, "--tls-keylog", keyLog);
        assertEquals(0, list.code(), list.err());
        assertEquals(frames, list.lines());
        assertLimitWarnings(file, list, warnings);
        Path html = OUT.resolve(name + "-" + keys + ".html");
        Run report = run("report", file, "--tls-keylog", keyLog, "--out", html.toString(), "--force");
        assertEquals(0, report.code(), report.err());
        assertLimitWarnings(file, report, warnings);
        assertContains(html, warnings.stream().map(HostileCorpusTest::html).toList());
    }

    @Test
    void tlsPastItsLimitsIsCountedAndSaidSo() throws IOException {
        checkWithKeyLog("tls-limits.pcap", "tls-limits.keys", 1309, tlsLimitWarnings());
        assertContains(OUT.resolve("tls-limits.pcap-tls-limits.keys.html"), List.of(html("The server accepted AUTH (234, frame 146): from"
                + " here on the control channel is encrypted, not decrypted: ftpscope looks for the start of TLS in the first 65536"
                + " cleartext bytes of each direction, and this session sent more before it (" + Limit.TLS_CLEARTEXT_PREFIX.label() + ")")));
        // The tls command has no FTP layer to tell that stream 0 went over to TLS: it names the other four.
        Run tls = run("tls", input("tls-limits.pcap"), "--tls-keylog", input("tls-limits.keys"));
        assertEquals(0, tls.code(), tls.err());
        assertLimitWarnings(input("tls-limits.pcap"), tls, tlsLimitWarnings().subList(1, 5));
        List<String> rows = tls.head().lines().toList();
        assertEquals(3, rows.size(), tls.head());
        assertTrue(rows.get(1).contains("(+8 not kept)"), rows.get(1));
        assertTrue(rows.get(1).contains("server sent 12 certificates; the first 10 are kept (" + Limit.TLS_CERTIFICATES.label() + ")"), rows.get(1));
        assertTrue(rows.get(2).contains("handshake message type 11 of 262145 bytes (frame 1138) skipped ("
                + Limit.TLS_HANDSHAKE_MESSAGE.label() + ")"), rows.get(2));
    }

    /**
     * A key log past its three limits: one padded line of 1,100 bytes, 200,001 secrets (the 1 CLIENT_RANDOM
     * of tls-limits.pcap and 200,000 TLS 1.3 ones), 64 MiB + 1,024 bytes in all. Its warnings come with
     * the capture's, in the same places (the app's banner reads the same list: see the in-process check).
     */
    @Test
    void aKeyLogPastItsLimitsIsSaidSoWithTheCapturesWarnings() throws Exception {
        long secrets = Limit.KEYLOG_SECRETS.value();
        assumeTrue(secrets < 200_001, "KEYLOG_SECRETS is " + secrets + " at this heap: the key log does not reach it");
        List<String> keyLog = List.of(
                Limit.KEYLOG_BYTES.label() + " reached: key log keylog-limits.keys is longer: only its first 67,108,864 bytes were"
                        + " read; secrets after them are not used",
                Limit.KEYLOG_LINE_BYTES.label() + " reached: key log keylog-limits.keys: 1 line longer than that was ignored",
                Limit.KEYLOG_SECRETS.label() + " reached: key log keylog-limits.keys: " + n(200_001 - secrets) + " further secrets"
                        + " were not kept; connections that need them are not decrypted");
        checkWithKeyLog("tls-limits.pcap", "keylog-limits.keys", 1309, concat(keyLog, tlsLimitWarnings()));
        // tree and follow print no capture warnings: they say the key log's limits when they read it
        for (List<String> args : List.of(List.of("tree", input("tls-limits.pcap"), "1"), List.of("follow", input("tls-limits.pcap"), "1"))) {
            List<String> cmd = new ArrayList<>(args);
            cmd.addAll(List.of("--tls-keylog", input("keylog-limits.keys")));
            Run r = run(cmd.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertEquals(keyLog.stream().map(w -> "ftpscope: " + w).toList(),
                    r.err().lines().filter(l -> l.startsWith("ftpscope: limit ")).toList(), args.get(0));
        }
        // The app's banner reads the capture's warning list, the one the JSON's capture.warnings is written
        // from (checked above in a process of its own at -Xmx256m). Not read again here: the test JVM's
        // heap, shared with every other test, has no room for a second 64 MiB key log.
    }

    /**
     * 101 RETRs whose data frames the snaplen cut, 101 refused: extract names 100 files written
     * incomplete and 100 transfers not written, then one line for the rest of each; the snaplen line
     * (from the analysis's own pass) and the total count all of them. Each round of a cut RETR is 12
     * frames from frame 5 (PASV, 227, RETR, the handshake, 150, the cut segment …), so the first cut
     * frame is 12; 1,421 frames in all.
     */
    @Test
    void extractNamesAHundredOfEachAndCountsTheRest() throws IOException {
        Path dir = OUT.resolve("extract-101");
        Run r = run("extract", input("extract-101.pcap"), dir.toString(), "--force");
        assertEquals(0, r.code(), r.err());
        assertEquals(102, r.lines(), "the header and 101 files");
        List<String> e = r.err().lines().toList();
        assertEquals(204, e.size(), r.err());
        assertEquals(100, e.stream().filter(l -> l.startsWith("ftpscope extract: incomplete: ")).count());
        assertEquals(100, e.stream().filter(l -> l.startsWith("ftpscope extract: not written: ")).count());
        assertEquals("ftpscope extract: incomplete: " + dir.toAbsolutePath().resolve("f99.bin") + ": session 0 RETR f99.bin (command frame 1195, data"
                + " tcp.stream 100): 40 bytes written from the capture, the 60 missing as zeros (every other byte at its offset): the"
                + " capture's snapshot length cut the data frames: 60 bytes are not in the capture", e.get(99));
        assertEquals(List.of("ftpscope extract: 1 more file written incomplete, not named one by one (" + Limit.EXTRACT_LISTED.label()
                        + "); the missing_bytes column counts what each lacks"),
                e.subList(100, 101));
        assertEquals("ftpscope extract: not written: session 0 RETR missing99.bin (command frame 1415): refused by the server: the"
                + " server replied 550 Failed to open file. and no data connection is in the capture: no data moved", e.get(200));
        assertEquals(List.of(
                "ftpscope extract: 1 more transfer not written, not named one by one (" + Limit.EXTRACT_LISTED.label() + "): 1 refused"
                        + " by the server",
                "ftpscope extract: the capture's frames were cut at 94 bytes (the cut frames' captured length; the file header's snaplen"
                        + " is 262144; 101 of 1421 frames cut, the first frame 12): 101 of 202 transfers are affected: 101 written with"
                        + " only the bytes the cut frames kept, at their offsets, the rest zeros (missing_bytes counts them)",
                "ftpscope extract: 101 of 202 transfers written (101 incomplete); 101 not written: 101 refused by the server"),
                e.subList(201, 204));
    }

    /** 101 files into a folder that cannot be made: the first hundred failures are named, the total counts all. */
    @Test
    void failedWritesAreNamedUpToTheListLimit() throws IOException {
        Path file = Files.createDirectories(OUT).resolve("extract-101-not-a-folder").toAbsolutePath();
        Files.writeString(file, "x");
        Path out = file.resolve("out");
        Run r = run("extract", input("extract-101.pcap"), out.toString());
        assertEquals(3, r.code(), r.err());
        List<String> e = r.err().lines().toList();
        assertEquals(100, e.stream().filter(l -> l.startsWith("ftpscope extract: cannot write ")).count(), r.err());
        assertEquals("ftpscope extract: cannot write " + out.resolve("f99.bin") + ": java.nio.file.FileSystemException: " + out
                + ": Not a directory", e.get(99));
        assertEquals(List.of(
                "ftpscope extract: the capture's frames were cut at 94 bytes (the cut frames' captured length; the file header's snaplen"
                        + " is 262144; 101 of 1421 frames cut, the first frame 12): 101 of 202 transfers are affected: 101 whose files"
                        + " could not be written",
                "ftpscope extract: 0 of 202 transfers written; 202 not written: 101 refused by the server, 101 that could not be written",
                "ftpscope extract: 101 files could not be written; the first 100 are named above (" + Limit.EXTRACT_LISTED.label() + ")"),
                e.subList(e.size() - 3, e.size()));
    }

    /** Holes of 40 and 30 MiB in 6.6 kB: the first is zeros, the second past GAP_FILL_BYTES is left out and said so. */
    @Test
    void holesPastTheGapFillLimitAreLeftOutAndSaidSo() throws IOException {
        Path dir = OUT.resolve("gap-fill");
        Run r = run("extract", input("gap-fill.pcap"), dir.toString(), "--force");
        assertEquals(0, r.code(), r.err());
        assertEquals(2000 + (40L << 20), Files.size(dir.resolve("hole0.bin")));
        assertEquals(2000, Files.size(dir.resolve("hole1.bin")));
        List<String> e = r.err().lines().toList();
        assertEquals("ftpscope extract: " + Limit.GAP_FILL_BYTES.label() + " reached: 31457280 bytes of holes in 1 file were left"
                + " out, not filled with zeros, so the bytes after them moved up (the files' lines above say which)", e.get(e.size() - 2));
        assertTrue(e.get(1).contains("2000 bytes written from the capture, the 31457280 missing: 0 as zeros, 31457280 left out"
                + " (GAP_FILL_BYTES reached)"), e.get(1));
        Files.delete(dir.resolve("hole0.bin")); // 40 MiB of zeros need not stay in target/
    }

    /**
     * 10,500 bounce PORTs, one a frame: the bounce-attempt group and the data-channel-flood finding
     * each involve 10,500 frames and list 10,000; the 10,001st PORT is frame 5 + 2 x 10,000. The
     * frame list names no group, so it has no such warning; analyze, the JSON and every report do.
     */
    @Test
    void findingGroupsPastTheirFrameLimitSaySo() throws IOException {
        String tail = " lists the first 10,000 of its 10,500 frames; the single findings name them all";
        List<String> groups = List.of(limit(Limit.FINDING_GROUP_FRAMES, "frame 20005") + "the group of 10,500 bounce-attempt findings" + tail,
                limit(Limit.FINDING_GROUP_FRAMES, "frame 20005") + "the group of 1 data-channel-flood finding" + tail);
        check("bounce-frames.pcap.gz", 21_007, List.of(), 21_007, groups);
        assertContains(OUT.resolve("bounce-frames.pcap.gz.html"), List.of(html("the first 10000 frames are listed ("
                + Limit.FINDING_GROUP_FRAMES.label() + "), 500 more are only in the single findings")));
        Path json = OUT.resolve("bounce-frames.pcap.gz.json");
        Run r = run("report", input("bounce-frames.pcap.gz"), "--format", "json", "--out", json.toString(), "--force");
        assertEquals(0, r.code(), r.err());
        assertLimitWarnings(input("bounce-frames.pcap.gz"), r, groups);
        assertContains(json, groups.stream().map(HostileCorpusTest::json).toList());
    }

    /**
     * The floods make reports in every format in a -Xmx256m JVM of their own: exit 0; stderr, and
     * the report itself (HTML, Markdown, JSON; CSV has no place for warnings) name every limit the
     * analysis and the format reached; the HTML and Markdown stories list REPORT_ROWS lines and say
     * how many more there are.
     */
    @Test
    void floodsMakeReportsInEveryFormat() throws IOException {
        Map<String, List<String>> analysis = Map.of(
                "line-flood.pcap.gz", List.of(
                        limit(Limit.CONTROL_LINES_PER_SESSION, "frame 72") + "900,001 control-channel lines or setups were counted, not kept",
                        limit(Limit.FINDINGS_PER_SESSION, "frame 4") + "999,000 further parse findings were counted, not listed"),
                "port-flood.pcap.gz", List.of(
                        limit(Limit.CONTROL_LINES_PER_SESSION, "frame 1634") + "933,281 control-channel lines or setups were counted, not kept"));
        Map<String, Integer> storyLines = Map.of("line-flood.pcap.gz", 101_000, "port-flood.pcap.gz", 100_034);
        for (String name : List.of("line-flood.pcap.gz", "port-flood.pcap.gz")) {
            String file = input(name);
            for (String format : List.of("html", "md", "json", "csv")) {
                Path out = OUT.resolve(name + "." + format);
                Run r = run("report", file, "--out", out.toString(), "--force");
                assertEquals(0, r.code(), r.err());
                List<String> warnings = concat(analysis.get(name), reportLimits(name, format));
                assertLimitWarnings(file, r, warnings);
                List<String> inFile = switch (format) {
                    case "html" -> warnings.stream().map(HostileCorpusTest::html).toList();
                    case "md" -> warnings.stream().map(org.ftpscope.report.Escape::markdown).toList();
                    case "json" -> warnings.stream().map(HostileCorpusTest::json).toList();
                    default -> List.of();
                };
                assertContains(out, inFile);
                if (format.equals("html") || format.equals("md")) {
                    String marker = format.equals("html") ? "<td class=\"story-" : null;
                    String more = n(storyLines.get(name) - Limit.REPORT_ROWS.intValue()) + " more story lines, from this frame on, not listed ("
                            + Limit.REPORT_ROWS.label() + "); the JSON report lists them";
                    assertContains(out, List.of(format.equals("html") ? html(more) : org.ftpscope.report.Escape.markdown(more)));
                    if (marker != null) {
                        try (var lines = Files.lines(out, StandardCharsets.UTF_8)) {
                            assertEquals(Limit.REPORT_ROWS.intValue(), lines.filter(l -> l.contains(marker)).count(), "story rows of " + out);
                        }
                    }
                }
            }
        }
    }

    // ---- floods of connections ----

    @Test
    void synFloodTracksTheStreamsLimitAndCountsTheOtherFrames() throws IOException {
        int streams = Limit.TCP_STREAMS.intValue();
        check("syn-flood.pcap.gz", 300_000, List.of(
                limit(Limit.TCP_STREAMS, "frame " + (streams + 1)) + (300_000 - streams)
                        + " TCP frames of connections past the limit were counted, not reassembled or analysed ("
                        + streams + " streams tracked)"));
    }

    @Test
    void connectionsAwaitingAcknowledgedBytesAreBoundedAtOnce() throws IOException {
        int waits = Limit.REORDER_WAITS.intValue();
        // 300 connections (frames 1-900), then one ACK of 100 unseen bytes each (frames 901-1200).
        check("reorder-waits.pcap", 1200, List.of(
                limit(Limit.REORDER_WAITS, "frame " + (900 + waits + 1)) + (300 - waits) + " connections stopped awaiting"
                        + " acknowledged bytes early because " + waits + " others awaited theirs: bytes that came later than"
                        + " that were counted as missing"));
    }

    @Test
    void sessionFloodFollowsTheSessionsLimit() throws IOException {
        int sessions = Limit.FTP_SESSIONS.intValue();
        // Each session is 13 frames; the first not followed starts at frame 13 x sessions + 1.
        check("session-flood.pcap.gz", 65_536 * 13, List.of(
                limit(Limit.FTP_SESSIONS, "frame " + (13 * sessions + 1)) + n(65_536 - sessions)
                        + " further control connections were not followed as FTP"));
    }

    // ---- files that claim more than they hold ----

    @Test
    void sparseTenGigabytesOfEmptyRecordsStopAtTheFrameLimit() throws IOException {
        int frames = Limit.FRAMES.intValue();
        // analyze keeps no frame index and reads all 625,000,000 empty records (10^10 bytes / 16).
        check("sparse-10g.pcap", frames, List.of(
                limit(Limit.FRAMES, "frame " + (frames + 1)) + "reading stopped before frame " + (frames + 1)
                        + "; the last " + (10_000_000_000L - 16L * frames) + " bytes of the file were not read"),
                625_000_000, List.of("frame 2: 624999999 frames are exact copies of an earlier frame"));
    }

    @Test
    void gzipBombOfZerosStopsAtTheFrameLimit() throws IOException {
        int frames = Limit.FRAMES.intValue();
        // analyze keeps no frame index: it stops where the inflated bytes do, 2 GiB in (16-byte records).
        long max = Limit.INFLATED_BYTES.value();
        int records = (int) ((max - 24) / 16);
        check("gzip-bomb-zeros.pcap.gz", frames, List.of(
                limit(Limit.FRAMES, "frame " + (frames + 1)) + "reading stopped before frame " + (frames + 1)
                        + "; the rest of the file was not read"),
                records, List.of(limit(Limit.INFLATED_BYTES, "byte offset " + max) + "the compressed capture inflates to more than "
                        + max + " bytes", "frame " + (records + 1) + ", byte offset " + (24 + 16L * records)
                        + ": file cut short in the record header of frame " + (records + 1) + " (8 of 16 bytes)"));
    }

    @Test
    void gzipBombOfFramesStopsAtTheInflatedBytesLimit() throws IOException {
        long max = Limit.INFLATED_BYTES.value();
        int whole = (int) ((max - 24) / (16 + 262_144));
        long cutAt = 24 + (long) whole * (16 + 262_144); // the cut frame's record header; its data follows

        check("gzip-bomb-frames.pcap.gz", whole, List.of(
                limit(Limit.INFLATED_BYTES, "byte offset " + max) + "the compressed capture inflates to more than " + max + " bytes",
                "frame " + (whole + 1) + ", byte offset " + (cutAt + 16) + ": file cut short inside frame " + (whole + 1)
                        + " (" + (max - cutAt - 16) + " of 262144 bytes present)"));
    }

    // ---- bad pcapng blocks ----

    @Test
    void simplePacketBlockOfTwelveBytesStopsReadingAfterTheGoodFrame() throws IOException {
        // SHB 28 + IDB 20 + EPB 88 bytes: the SPB starts at 136.
        check("pcapng-spb-12.pcapng", 1, List.of("frame 2, byte offset 136: simple packet block too short (12 bytes); reading stopped"));
    }

    @Test
    void interfacesPastTheLimitAreSkippedWithTheirFrames() throws IOException {
        // Interface 65,536 is the 65,537th IDB, at 28 + 65,536 x 20 bytes; frame 1 (interface 0) follows it.
        check("pcapng-iface-65536.pcapng", 1, List.of(
                limit(Limit.PCAPNG_INTERFACES, "frame 1") + "1 further interfaces were not kept and the 1 frames on them were skipped"));
    }

    // ---- one frame, deeply nested ----

    @Test
    void deeplyNestedFramesAreAnalysedWithoutWarnings() throws IOException {
        check("deep-vlan.pcap", 1, List.of());
        check("deep-ipv6-ext.pcap", 1, List.of());
    }

    // ---- display filters (filters.txt) ----

    static List<String> filters() throws IOException { return Files.readAllLines(Path.of(input("filters.txt"))); }

    @Test
    void catastrophicBacktrackingPatternsMatchInLinearTime() throws IOException {
        // RE2: "((a+)+)+b" on USER aaaa…a (28 a's, frame 5) finishes and rightly matches nothing;
        // java.util.regex backtracked for half a minute here.
        String file = input("redos-arg.pcap");
        List<String> f = filters();
        assertEquals("ftp.request.arg matches \"((a+)+)+b\"", f.get(0));
        for (String filter : f.subList(0, 2)) {
            Run r = run("frames", file, "-Y", filter);
            assertEquals(0, r.code(), r.err());
            assertEquals(0, r.lines(), filter);
        }
        Run r = run("frames", file, "-Y", "ftp.request.arg matches \"^((a+)+)+$\"");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.lines());
        assertTrue(r.head().startsWith("5\t"), r.head());
        assertTrue(r.head().contains("Request: USER " + "a".repeat(28)), r.head());
    }

    @Test
    void deepFiltersAreRefusedAtTheDepthLimitOrEvaluatedWithoutRecursion() throws IOException {
        String file = input("redos-arg.pcap");
        List<String> f = filters();
        // 2,000 nested parentheses: refused at the first one past FILTER_DEPTH (tshark 4.0.17 refuses
        // them too, at fewer than 100: ")" was unexpected in this context).
        Run deep = runHere("frames", file, "-Y", f.get(2));
        assertEquals(1, deep.code());
        int depth = Limit.FILTER_DEPTH.intValue();
        assertEquals("ftpscope frames: invalid display filter at column " + (depth + 1) + ": parentheses nest deeper than "
                + Limit.FILTER_DEPTH.label(), deep.err().lines().findFirst().orElseThrow());
        // 10,000 || terms (tcp.port == 0 … 9999, 21 among them): every TCP frame of the session.
        // Too long for a command line (Linux refuses an argument over 128 KiB); the app takes it.
        assertEquals(10_000, f.get(3).split(" \\|\\| ").length);
        Run or = runHere("frames", file, "-Y", f.get(3));
        assertEquals(0, or.code(), or.err());
        assertEquals(9, or.lines());
        // 10,000 "!udp" joined by &&, and 10,000 ! before tcp (an even number): all 9 frames.
        for (String filter : f.subList(4, 6)) {
            Run r = runHere("frames", file, "-Y", filter);
            assertEquals(0, r.code(), r.err());
            assertEquals(9, r.lines());
        }
        Run odd = runHere("frames", file, "-Y", "!" + f.get(5));
        assertEquals(0, odd.code(), odd.err());
        assertEquals(0, odd.lines());
    }

    @Test
    void deeplyNestedFramesShowWhatWasDecodedAndWhereDecodingStopped() {
        int max = Limit.DETAIL_TREE_DEPTH.intValue();
        Run vlan = run("tree", input("deep-vlan.pcap"), "1");
        assertEquals(0, vlan.code(), vlan.err());
        List<String> top = vlan.head().lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(1 + 1 + max + 1, top.size(), vlan.head());
        assertEquals("Ethernet II, Src: 00:00:00:00:00:01, Dst: 00:00:00:00:00:02", top.get(1));
        assertEquals(max, top.stream().filter(l -> l.equals("802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 1")).count());
        // 14 bytes of Ethernet and 100 tags of 4: byte 414 of 12,062.
        assertEquals("[Malformed Packet: too deeply nested: more than " + max + " VLAN tags, " + Limit.DETAIL_TREE_DEPTH.label()
                + "; decoding stopped at byte 414, the 11,648 bytes from there on are not decoded]", top.get(top.size() - 1));

        Run ipv6 = run("tree", input("deep-ipv6-ext.pcap"), "1");
        assertEquals(0, ipv6.code(), ipv6.err());
        List<String> lines = ipv6.head().lines().toList();
        assertTrue(lines.contains("    Extension headers (800 bytes)"), ipv6.head());
        // 14 + 40 + 100 headers of 8 bytes: byte 854 of 24,082.
        assertEquals("[Malformed Packet: too deeply nested: more than " + max + " IPv6 extension headers, "
                + Limit.DETAIL_TREE_DEPTH.label() + "; decoding stopped at byte 854, the 23,228 bytes from there on are not decoded]",
                lines.get(lines.size() - 1));
    }

    // ---- capture text on the terminal, and in the file system ----

    /** No character a terminal would act on: C0 but tab and line feed, DEL, C1, bidi controls. */
    static void assertNoTerminalControls(String s) {
        s.chars().forEach(c -> assertFalse((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069), () -> String.format("U+%04X in %s", c, s)));
    }

    @Test
    void escapesFromTheCaptureReachTheTerminalEscaped() {
        String file = input("names-and-escapes.pcap");
        Run frames = run("frames", file);
        assertEquals(0, frames.code(), frames.err());
        assertNoTerminalControls(frames.head());
        List<String> l = frames.head().lines().toList();
        // As tshark writes it: BEL by name (\a), ESC in octal (\033).
        assertEquals("4\t0.000003\t10.0.0.2\t10.0.0.1\tFTP\t73\tResponse: 220 hi \\033]0;pwned\\a", l.get(3));
        // tshark 4.0.17 prints this FTP-DATA Info with the raw ESC (and the C1 CSI of frame 28).
        assertEquals("16\t0.000015\t10.0.0.2\t10.0.0.1\tFTP-DATA\t70\tFTP Data: 16 bytes (PASV) (RETR esc\\033[2Jname.txt)", l.get(15));
        assertEquals("26\t0.000025\t10.0.0.1\t10.0.0.2\tFTP\t81\tRequest: RETR c1\\u009B31mred\\u202Egnp.exe", l.get(25));
        assertTrue(l.get(27).endsWith("\tFTP Data: 16 bytes (PASV) (RETR c1\\u009B31mred\\u202Egnp.exe)"), l.get(27));

        Run tree = run("tree", file, "26");
        assertEquals(0, tree.code(), tree.err());
        assertNoTerminalControls(tree.head());
        assertTrue(tree.head().contains("\n        Request arg: c1\\u009B31mred\\u202Egnp.exe\n"), tree.head());

        Run json = run("analyze", file);
        assertEquals(0, json.code(), json.err());
        assertNoTerminalControls(json.head());
        assertTrue(json.head().contains("\"arg\": \"c1\\u009b31mred\\u202egnp.exe\""), json.head());
        assertTrue(json.head().contains("\"replyText\": \"hi \\u001b]0;pwned\\u0007\""), json.head());
        // Digits are ASCII only: full-width and Arabic-Indic ports are invalid setups, not ports 50021 and 41000.
        assertTrue(json.head().contains("229 reply: port '\uff15\uff10\uff10\uff12\uff11' is not 1-65535"), json.head());
        assertTrue(json.head().contains("EPRT: port '\u0664\u0661\u0660\u0660\u0660' is not 1-65535"), json.head());
        assertTrue(json.head().contains("a reply without a valid 3-digit code: \\\"\uff12\uff12\uff10 full-width\\\""), json.head());
    }

    @Test
    void extractWritesEveryFileUnderASafeNameAndKeepsADanglingSymlink(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path link = dir.resolve("after.txt"), nowhere = dir.resolve("nowhere");
        Files.createSymbolicLink(link, nowhere);
        String file = input("names-and-escapes.pcap");
        Run r = run("extract", file, dir.toString());
        assertEquals(0, r.code(), r.err());
        assertNoTerminalControls(r.head());
        String emoji = "\uD83D\uDE00";
        // The 400-byte name is cut to 200 bytes (49 emoji and .bin), and the file after it is written.
        List<String> names = List.of("esc_[2Jname.txt", "c1_31mred_gnp.exe", emoji.repeat(49) + ".bin", "after (2).txt");
        List<String> listed = r.head().lines().skip(1).map(l -> Path.of(l.split("\t")[0]).getFileName().toString()).toList();
        assertEquals(names, listed);
        for (int i = 0; i < names.size(); i++) {
            byte[] want = ("content " + i + " \u001b[31m\n").getBytes(StandardCharsets.US_ASCII);
            assertEquals(new String(want, StandardCharsets.US_ASCII), Files.readString(dir.resolve(names.get(i)), StandardCharsets.US_ASCII));
        }
        assertTrue(r.head().contains("\tRETR\tesc\\033[2Jname.txt\n"), r.head());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(nowhere, java.nio.file.LinkOption.NOFOLLOW_LINKS));

        // --force replaces the link itself, never the file it points to.
        Run forced = run("extract", file, dir.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Files.isSymbolicLink(link));
        assertEquals("content 3 \u001b[31m\n", Files.readString(link, StandardCharsets.US_ASCII));
        assertFalse(Files.exists(nowhere, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }
}
