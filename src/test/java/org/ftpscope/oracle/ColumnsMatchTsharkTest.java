package org.ftpscope.oracle;

import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.decode.DetailNode;
import org.ftpscope.decode.FrameSummary;
import org.ftpscope.present.FrameViews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The frames no real sample holds, written by samples/hostile/columns.py at test time: ICMP and ICMPv6 of
 * every type and code Wireshark names, FTP lines that are no UTF-8 or hold control characters. Their
 * columns equal tshark 4.0.17's (oracle by samples/derive-columns.sh), and the FTP fields' byte ranges
 * its PDML's.
 */
class ColumnsMatchTsharkTest {
    static final Path DIR = Path.of("target", "columns");
    static final Path ORACLE = Path.of("src", "test", "resources", "org", "ftpscope", "tshark-columns");

    @BeforeAll
    static void generate() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "samples/hostile/columns.py", DIR.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed: the frames cannot be generated (" + e.getMessage() + ")");
            return;
        }
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "columns.py did not finish");
        assertEquals(0, p.exitValue(), "columns.py failed");
    }

    @Test
    void icmpAsTshark() throws Exception { compare("icmp.pcap", 85); }

    @Test
    void ftpLinesAsTshark() throws Exception { compare("ftp-odd.pcap", 37); }

    private static void compare(String name, int frames) throws Exception {
        List<String> differ = new ArrayList<>();
        int n = 0;
        try (Analysis a = Analyzer.analyze(DIR.resolve(name));
             BufferedReader r = new BufferedReader(new InputStreamReader(
                     new GZIPInputStream(Files.newInputStream(ORACLE.resolve(name + ".tsv.gz"))), StandardCharsets.UTF_8))) {
            FrameViews v = new FrameViews(a);
            for (String line; (line = r.readLine()) != null; n++) {
                String[] t = line.split("\t", -1);
                FrameSummary s = v.summary(Integer.parseInt(t[0]));
                String ours = String.join("\t", s.source(), s.destination(), s.protocol(), Integer.toString(s.length()), s.info());
                String theirs = String.join("\t", t[1], t[2], t[3], t[4], t[5]);
                if (!ours.equals(theirs)) differ.add(t[0] + "\n  tshark:   " + theirs + "\n  ftpscope: " + ours);
            }
        }
        assertEquals(frames, n, name + ": frames in the oracle");
        assertEquals(List.of(), differ, name);
    }

    /** The audit's texts, named: Wireshark's ICMP code names, its padding, ICMPv6 errors. */
    @Test
    void icmpTexts() throws Exception {
        try (Analysis a = Analyzer.analyze(DIR.resolve("icmp.pcap"))) {
            FrameViews v = new FrameViews(a);
            assertEquals("Destination unreachable (Protocol unreachable)", v.summary(3).info());
            assertEquals("Destination unreachable (Fragmentation needed)", v.summary(5).info());
            assertEquals("Destination unreachable (Network administratively prohibited)", v.summary(10).info());
            assertEquals("Destination unreachable (Host administratively prohibited)", v.summary(11).info());
            assertEquals("Destination unreachable (Communication administratively filtered)", v.summary(14).info());
            assertEquals("Time-to-live exceeded (Time to live exceeded in transit)", v.summary(18).info());
            assertEquals("Redirect             (Redirect for host)", v.summary(22).info());
            assertEquals("Echo (ping) reply    id=0x1234, seq=1/256, ttl=64", v.summary(32).info());
            assertEquals("Destination Unreachable (no route to destination)", v.summary(66).info());
            assertEquals("Time Exceeded (hop limit exceeded in transit)", v.summary(76).info());
            assertEquals("Echo (ping) request id=0x0077, seq=1, hop limit=64", v.summary(84).info());
        }
    }

    /** tshark's PDML: ftp.request.arg of "CWD \xe9t\xe9" is 3 bytes at 58, the 4-byte command \xff\xf4\xff\xf2 4 bytes. */
    @Test
    void ftpFieldsCoverTheLinesBytes() throws Exception {
        try (Analysis a = Analyzer.analyze(DIR.resolve("ftp-odd.pcap"))) {
            FrameViews v = new FrameViews(a);
            assertRange(v.tree(14).find("ftp.request.arg"), 58, 3);
            assertRange(v.tree(16).find("ftp.response.arg"), 58, 7);
            assertRange(v.tree(18).find("ftp.request.command"), 54, 4);
            assertRange(v.tree(10).find("ftp.request.arg"), 58, 5); // "café" in UTF-8: 5 bytes
            // 227 after a Latin-1 byte: the numbers where tshark has them, not 2 bytes on.
            assertRange(v.tree(32).find("ftp.response.arg"), 58, 39);
            assertRange(v.tree(32).find("ftp.passive.ip"), 81, 8);
            assertRange(v.tree(32).find("ftp.passive.port"), 90, 6);
            assertRange(v.tree(34).find("ftp.active.cip"), 59, 8);
            assertRange(v.tree(34).find("ftp.active.port"), 68, 6);
            for (int f = 1; f <= a.capture().frameCount(); f++) {
                int len = a.capture().index().capturedLength(f);
                v.tree(f).walk(n -> assertTrue(n.offset() + n.length() <= len, n.label() + " runs past the frame"));
            }
        }
    }

    /** Wireshark's escapes (\t \a \b \f \v by name, others in octal); nothing raw reaches a terminal. */
    @Test
    void controlCharactersAsWiresharkEscapesThem() throws Exception {
        try (Analysis a = Analyzer.analyze(DIR.resolve("ftp-odd.pcap"))) {
            FrameViews v = new FrameViews(a);
            assertEquals("Request: CWD a\\tb\\000c", v.summary(22).info());
            assertEquals("Response: 550 a\\tb\\000c\\177\\b\\f\\v\\a", v.summary(24).info());
            assertEquals("Request: CWD \\033]0;pwned\\a", v.summary(26).info());
            assertEquals("CWD a\\tb\\000c\\r\\n", v.tree(22).find("ftp.request").label());
            for (int f = 1; f <= a.capture().frameCount(); f++) {
                String info = v.summary(f).info();
                assertTrue(info.chars().noneMatch(c -> c < 0x20 || c == 0x7f), "frame " + f + ": " + info);
                v.tree(f).walk(n -> {
                    if ("ftp.request".equals(n.field()) || "ftp.response".equals(n.field())) {
                        assertTrue(n.label().chars().noneMatch(c -> c < 0x20 || c == 0x7f), n.label());
                    }
                });
            }
        }
    }

    private static void assertRange(DetailNode n, int offset, int length) {
        assertEquals(offset + "+" + length, n.offset() + "+" + n.length(), n.label());
    }
}
