package org.ftpscope.robust;

import org.ftpscope.TestCaptures;
import org.ftpscope.analysis.Analysis;
import org.ftpscope.analysis.Analyzer;
import org.ftpscope.capture.CaptureException;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.ftp.findings.FindingKind;
import org.ftpscope.present.FrameViews;
import org.ftpscope.report.JsonReport;
import org.ftpscope.report.ReportSelection;
import org.ftpscope.report.ReportWriter;
import org.ftpscope.report.ReportWriters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged copies of real captures: every one must end in a result or a clear, located error —
 * never an exception escaping the analysis, a hang, or unbounded memory.
 */
class MutationTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Analyses a file and everything the views make of it; returns frames read, or -1 for a located refusal. */
    private static int survive(Path p) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try (Analysis a = Analyzer.analyze(p)) {
                FrameViews v = new FrameViews(a);
                for (int f = 1; f <= a.capture().frameCount(); f++) {
                    v.summary(f);
                    v.tree(f);
                }
                JsonReport.write(a.capture(), a.ftp(), new StringWriter(), false);
                for (ReportWriter r : ReportWriters.ALL) r.write(a, ReportSelection.ALL, new StringWriter());
                a.capture().warnings().forEach(w -> assertTrue(w.byteOffset() >= 0 && w.frame() >= 0, w.toString()));
                return a.capture().frameCount();
            } catch (CaptureException e) {
                assertTrue(e.getMessage().startsWith(p.toString()), "the error names the file: " + e.getMessage());
                return -1;
            }
        }, p::toString);
    }

    @Test
    void truncatedAtAndInsideEveryRecord(@TempDir Path tmp) throws Exception {
        Path src = TestCaptures.sample("pasv-curl.pcap");
        byte[] all = Files.readAllBytes(src);
        try (CaptureFile cf = CaptureFile.open(src)) {
            for (int n = 1; n <= cf.frameCount(); n++) {
                int record = (int) cf.index().dataOffset(n) - 16;
                for (int cut : new int[] {record, record + 7, record + 16 + cf.index().capturedLength(n) / 2}) {
                    Path p = tmp.resolve("cut.pcap");
                    Files.write(p, Arrays.copyOf(all, cut));
                    assertEquals(n - 1, survive(p), "cut at " + cut);
                }
            }
        }
    }

    @Test
    void pcapngBlocksTruncatedAndMangled(@TempDir Path tmp) throws Exception {
        byte[] all = Files.readAllBytes(TestCaptures.sample("pasv-curl.pcapng"));
        Random r = new Random(7);
        for (int i = 0; i < 150; i++) {
            byte[] m = all.clone();
            int cut = r.nextInt(all.length);
            Path p = tmp.resolve("m.pcapng");
            Files.write(p, Arrays.copyOf(m, cut));
            survive(p);
        }
        // Block length smaller than a block header, and an option running past its block.
        ByteBuffer b = ByteBuffer.wrap(all.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int shbLen = b.getInt(4);
        b.putInt(shbLen + 4, 8);
        Path small = tmp.resolve("small.pcapng");
        Files.write(small, b.array());
        assertTrue(survive(small) <= 0);
        ByteBuffer o = ByteBuffer.wrap(all.clone()).order(ByteOrder.LITTLE_ENDIAN);
        o.putShort(shbLen + 16 + 2, (short) 0x7FFF); // first IDB option length
        Path opt = tmp.resolve("opt.pcapng");
        Files.write(opt, o.array());
        assertTrue(survive(opt) <= 0);
        // A section of an unknown major version.
        ByteBuffer v = ByteBuffer.wrap(all.clone()).order(ByteOrder.LITTLE_ENDIAN);
        v.putShort(12, (short) 2);
        Path ver = tmp.resolve("version.pcapng");
        Files.write(ver, v.array());
        assertEquals(-1, survive(ver));
        CaptureException e = org.junit.jupiter.api.Assertions.assertThrows(CaptureException.class, () -> CaptureFile.open(ver));
        assertEquals(ver + ": pcapng section header of unsupported pcapng version 2", e.getMessage());
    }

    @Test
    void randomByteFlips(@TempDir Path tmp) throws Exception {
        for (String sample : new String[] {"pasv-curl.pcap", "lossy-transfers.pcap", "any-sll2.pcap", "vlan.pcap", "ipv6-eprt-epsv.pcap"}) {
            byte[] all = Files.readAllBytes(TestCaptures.sample(sample));
            Random r = new Random(sample.hashCode());
            for (int i = 0; i < 40; i++) {
                byte[] m = all.clone();
                for (int k = 0; k < 1 + r.nextInt(20); k++) {
                    int at = 24 + r.nextInt(m.length - 24);
                    m[at] = (byte) r.nextInt(256);
                }
                Path p = tmp.resolve("flip.pcap");
                Files.write(p, m);
                survive(p);
            }
        }
    }

    @Test
    void wildTcpSequenceNumbers(@TempDir Path tmp) throws Exception {
        Path src = TestCaptures.sample("lossy-transfers.pcap");
        byte[] all = Files.readAllBytes(src);
        Random r = new Random(11);
        try (CaptureFile cf = CaptureFile.open(src)) {
            for (int round = 0; round < 5; round++) {
                byte[] m = all.clone();
                ByteBuffer b = ByteBuffer.wrap(m);
                for (int k = 0; k < 60; k++) {
                    int f = 1 + r.nextInt(cf.frameCount());
                    int tcp = (int) cf.index().dataOffset(f) + 14 + 20; // Ethernet + IPv4 without options
                    b.putInt(tcp + 4, r.nextInt()); // seq
                    if (r.nextBoolean()) b.putInt(tcp + 8, r.nextInt()); // ack
                }
                Path p = tmp.resolve("seq.pcap");
                Files.write(p, m);
                assertEquals(1159, survive(p));
            }
        }
    }

    @Test
    void passiveReplyWithImpossibleOctets(@TempDir Path tmp) throws Exception {
        // Frame 20 of pasv-curl.pcap is "227 Entering Passive Mode (198,51,100,21,156,93).": same length, bad numbers.
        Path src = TestCaptures.sample("pasv-curl.pcap");
        byte[] all = Files.readAllBytes(src);
        try (CaptureFile cf = CaptureFile.open(src)) {
            int payload = (int) cf.index().dataOffset(20) + 66;
            String bad = "227 Entering Passive Mode (999,1,-2,3,4,5).......\r\n";
            byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
            assertEquals(51, b.length);
            System.arraycopy(b, 0, all, payload, b.length);
        }
        Path p = tmp.resolve("octets.pcap");
        Files.write(p, all);
        try (Analysis a = Analyzer.analyze(p)) {
            var f = a.findings().stream().filter(x -> x.kind() == FindingKind.INVALID_SETUP_REPLY).findFirst().orElseThrow();
            assertEquals(20, f.frame());
            assertTrue(f.message().contains("number 999 is out of range 0-255"), f.message());
            // The LIST that followed has no setup to use; its connection is not mis-assigned.
            assertEquals(null, a.sessions().get(0).transfers().get(0).setup());
        }
    }
}
