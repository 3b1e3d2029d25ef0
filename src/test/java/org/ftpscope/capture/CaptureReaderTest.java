package org.ftpscope.capture;

import org.ftpscope.TestCaptures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capture reader on real captures, and on damaged copies of them. Expected values from capinfos/tshark 4.0.17. */
class CaptureReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pasv-curl.pcap, 169, 1795573760894174000, pcap, EN10MB",
        "pasv-curl.pcapng, 100, 1795573827390856650, pcapng, EN10MB",
        "pasv-nanosecond.pcap, 55, 1795573829677826000, pcap-ns, EN10MB",
        "any-sll2.pcap, 55, 1795573831745446000, pcap, LINUX_SLL2",
        "vlan.pcap, 57, 1795573837229383000, pcap, EN10MB",
        "snaplen-96.pcap, 88, 1795573833764088000, pcap, EN10MB",
        "lossy-transfers.pcap, 1159, 1795573904294175000, pcap, EN10MB",
    })
    void samplesReadLikeTshark(String name, int frames, long firstNanos, String format, String link) throws Exception {
        try (CaptureFile cf = CaptureFile.open(TestCaptures.sample(name))) {
            assertEquals(frames, cf.frameCount());
            assertEquals(firstNanos, cf.index().timestampNanos(1));
            assertEquals(format, cf.formatLabel());
            assertEquals(link, org.ftpscope.decode.link.LinkLayers.name(cf.index().linkType(1)));
            assertTrue(cf.warnings().isEmpty(), cf.warnings().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ipv4.pcap, 95, 1329843161968492000",
        "ipv6.pcap, 136, 1329327777822004000",
        "bruteforce.pcap, 606, 1389721044820046000",
        "ftp-many-port-expected.pcap.gz, 1008, 1700000000000000000",
    })
    void zeekTracesReadLikeTshark(String name, int frames, long firstNanos) throws Exception {
        try (CaptureFile cf = CaptureFile.open(TestCaptures.zeek(name))) {
            assertEquals(frames, cf.frameCount());
            assertEquals(firstNanos, cf.index().timestampNanos(1));
            assertEquals(name.endsWith(".gz"), cf.compressed());
        }
    }

    @Test
    void snaplenKeepsOriginalLengths() throws Exception {
        try (CaptureFile cf = CaptureFile.open(TestCaptures.sample("snaplen-96.pcap"))) {
            int cut = 0;
            for (int f = 1; f <= cf.frameCount(); f++) {
                if (cf.index().capturedLength(f) < cf.index().originalLength(f)) cut++;
                assertTrue(cf.index().capturedLength(f) <= 96);
            }
            assertEquals(41, cut); // tshark: frame.cap_len < frame.len in 41 frames
        }
    }

    @Test
    void notACaptureNamesTheFile() {
        Path readme = TestCaptures.sample("README.md");
        CaptureException e = assertThrows(CaptureException.class, () -> CaptureFile.open(readme));
        assertTrue(e.getMessage().startsWith(readme.toString() + ": not a pcap or pcapng capture"), e.getMessage());
    }

    @Test
    void missingFileNamesTheFile() {
        CaptureException e = assertThrows(CaptureException.class, () -> CaptureFile.open(Path.of("samples/nope.pcap")));
        assertEquals("samples/nope.pcap: no such file", e.getMessage());
    }

    @Test
    void fileCutInsideFrameKeepsEveryFrameBefore(@TempDir Path tmp) throws Exception {
        Path src = TestCaptures.sample("pasv-curl.pcap");
        byte[] all = Files.readAllBytes(src);
        try (CaptureFile cf = CaptureFile.open(src)) {
            for (int n : new int[] {1, 2, 20, 100, 169}) {
                long dataAt = cf.index().dataOffset(n);
                // Cut inside the data of frame n.
                Path cutData = tmp.resolve("cut-data-" + n + ".pcap");
                Files.write(cutData, java.util.Arrays.copyOf(all, (int) dataAt + 5));
                try (CaptureFile c = CaptureFile.open(cutData)) {
                    assertEquals(n - 1, c.frameCount());
                    assertEquals(1, c.warnings().size());
                    assertEquals(n, c.warnings().get(0).frame());
                    assertEquals(dataAt, c.warnings().get(0).byteOffset());
                    if (n > 1) assertArrayEquals(cf.readFrame(n - 1), c.readFrame(n - 1));
                }
                // Cut inside the record header of frame n.
                Path cutHeader = tmp.resolve("cut-header-" + n + ".pcap");
                Files.write(cutHeader, java.util.Arrays.copyOf(all, (int) dataAt - 10));
                try (CaptureFile c = CaptureFile.open(cutHeader)) {
                    assertEquals(n - 1, c.frameCount());
                    assertEquals(n, c.warnings().get(0).frame());
                    assertEquals(dataAt - 16, c.warnings().get(0).byteOffset());
                }
            }
        }
    }

    @Test
    void fileShortenedAfterOpeningFailsWithTheFrameNamed(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("lossy-transfers.pcap");
        Files.copy(TestCaptures.sample("lossy-transfers.pcap"), f);
        try (CaptureFile cf = CaptureFile.open(f)) {
            assertEquals(1159, cf.frameCount());
            long cut = cf.index().dataOffset(600) + 10; // inside frame 600
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            int[] seen = {0};
            IOException e = assertThrows(IOException.class, () -> cf.scan(1, cf.frameCount(), (n, ts, lt, o, b, off, c) -> seen[0] = n));
            assertEquals(f + ": file ended inside frame 600", e.getMessage());
            assertEquals(599, seen[0], "every frame before the cut is still visited");
        }
    }

    @Test
    void cutAtEveryHundredBytesNeverThrows(@TempDir Path tmp) throws Exception {
        byte[] all = Files.readAllBytes(TestCaptures.sample("pasv-curl.pcapng"));
        int previous = 0, boundaries = 0, cuts = 0;
        for (int len = 0; len < all.length; len += 97, cuts++) {
            Path p = tmp.resolve("cut.pcapng");
            Files.write(p, java.util.Arrays.copyOf(all, len));
            try (CaptureFile c = CaptureFile.open(p)) {
                assertTrue(c.frameCount() >= previous, "frames only grow with more bytes");
                previous = c.frameCount();
                // A cut on a block boundary leaves a complete, shorter file; anywhere else it is reported.
                assertTrue(c.warnings().size() <= 1, "cut at " + len);
                if (c.warnings().isEmpty()) boundaries++;
            } catch (CaptureException e) {
                assertTrue(len < 200, "only a cut inside the section header is fatal, not at " + len);
            }
        }
        assertTrue(previous > 90);
        assertTrue(boundaries < cuts / 10, boundaries + " of " + cuts + " cuts without a warning");
    }

    @Test
    void absurdCapturedLengthStopsAtThatRecord(@TempDir Path tmp) throws Exception {
        Path src = TestCaptures.sample("pasv-curl.pcap");
        byte[] all = Files.readAllBytes(src);
        try (CaptureFile cf = CaptureFile.open(src)) {
            int n = 50;
            long record = cf.index().dataOffset(n) - 16;
            ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt((int) record + 8, 0xFFFFFFFF);
            Path bad = tmp.resolve("caplen.pcap");
            Files.write(bad, all);
            try (CaptureFile c = CaptureFile.open(bad)) {
                assertEquals(n - 1, c.frameCount());
                CaptureWarning w = c.warnings().get(0);
                assertEquals(n, w.frame());
                assertEquals(record, w.byteOffset());
                assertTrue(w.message().contains("4294967295 captured bytes"), w.message());
            }
        }
    }

    @Test
    void bigEndianAndNanosecondVariantsReadIdentically(@TempDir Path tmp) throws Exception {
        Path src = TestCaptures.sample("pasv-curl.pcap");
        try (CaptureFile cf = CaptureFile.open(src)) {
            byte[] be = rewritePcap(cf, ByteOrder.BIG_ENDIAN, false);
            byte[] ns = rewritePcap(cf, ByteOrder.LITTLE_ENDIAN, true);
            for (byte[] variant : new byte[][] {be, ns}) {
                Path p = tmp.resolve("variant.pcap");
                Files.write(p, variant);
                try (CaptureFile c = CaptureFile.open(p)) {
                    assertEquals(cf.frameCount(), c.frameCount());
                    for (int f = 1; f <= cf.frameCount(); f++) {
                        assertEquals(cf.index().timestampNanos(f), c.index().timestampNanos(f));
                        assertArrayEquals(cf.readFrame(f), c.readFrame(f));
                    }
                }
            }
        }
    }

    @Test
    void pcapngWithTwoSectionsBothByteOrdersAndSimplePackets(@TempDir Path tmp) throws Exception {
        Path src = TestCaptures.sample("pasv-curl.pcap");
        try (CaptureFile cf = CaptureFile.open(src)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int half = cf.frameCount() / 2;
            writeSection(out, cf, 1, half, ByteOrder.LITTLE_ENDIAN, false);
            writeSection(out, cf, half + 1, cf.frameCount(), ByteOrder.BIG_ENDIAN, false);
            Path p = tmp.resolve("two-sections.pcapng");
            Files.write(p, out.toByteArray());
            try (CaptureFile c = CaptureFile.open(p)) {
                assertEquals("pcapng", c.formatLabel());
                assertEquals(cf.frameCount(), c.frameCount());
                assertEquals(2, c.interfaces().size());
                for (int f = 1; f <= cf.frameCount(); f++) {
                    assertEquals(cf.index().timestampNanos(f), c.index().timestampNanos(f), "frame " + f);
                    assertArrayEquals(cf.readFrame(f), c.readFrame(f));
                }
            }
            ByteArrayOutputStream spb = new ByteArrayOutputStream();
            writeSection(spb, cf, 1, cf.frameCount(), ByteOrder.LITTLE_ENDIAN, true);
            Path s = tmp.resolve("simple.pcapng");
            Files.write(s, spb.toByteArray());
            try (CaptureFile c = CaptureFile.open(s)) {
                assertEquals(cf.frameCount(), c.frameCount());
                assertArrayEquals(cf.readFrame(77), c.readFrame(77));
            }
        }
    }

    @Test
    void gzipCompressedSampleReadsLikeThePlainOne(@TempDir Path tmp) throws Exception {
        Path src = TestCaptures.sample("pasv-curl.pcapng");
        Path gz = tmp.resolve("capture.bin"); // no telling name: detection is by content
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(src));
        }
        try (CaptureFile plain = CaptureFile.open(src); CaptureFile c = CaptureFile.open(gz)) {
            assertEquals("pcapng.gz", c.formatLabel());
            assertEquals(plain.frameCount(), c.frameCount());
            assertArrayEquals(plain.readFrame(100), c.readFrame(100));
        }
        // A gzip stream cut in the middle: what was inflated is still read.
        byte[] all = Files.readAllBytes(gz);
        Path cut = tmp.resolve("cut.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        try (CaptureFile c = CaptureFile.open(cut)) {
            assertTrue(c.frameCount() > 10 && c.frameCount() < 100, "frames " + c.frameCount());
            assertTrue(c.warnings().get(0).message().startsWith("gzip stream damaged"), c.warnings().toString());
        }
    }

    private static byte[] rewritePcap(CaptureFile cf, ByteOrder order, boolean nanos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(cf.index().linkType(1));
        out.write(h.array());
        for (int f = 1; f <= cf.frameCount(); f++) {
            byte[] d = cf.readFrame(f);
            long ts = cf.index().timestampNanos(f);
            ByteBuffer r = ByteBuffer.allocate(16).order(order);
            r.putInt((int) (ts / 1_000_000_000L)).putInt((int) (nanos ? ts % 1_000_000_000L : ts % 1_000_000_000L / 1000))
                    .putInt(d.length).putInt(cf.index().originalLength(f));
            out.write(r.array());
            out.write(d);
        }
        return out.toByteArray();
    }

    /** SHB + IDB (if_tsresol 9) + EPBs (or SPBs) for frames first..last, written by this test from real frames. */
    private static void writeSection(ByteArrayOutputStream out, CaptureFile cf, int first, int last, ByteOrder order,
                                     boolean simple) throws IOException {
        ByteBuffer shb = ByteBuffer.allocate(28).order(order);
        shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        out.write(shb.array());
        ByteBuffer idb = ByteBuffer.allocate(32).order(order);
        idb.putInt(1).putInt(32).putShort((short) cf.index().linkType(1)).putShort((short) 0).putInt(0)
                .putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]).putInt(0).putInt(32);
        out.write(idb.array());
        for (int f = first; f <= last; f++) {
            byte[] d = cf.readFrame(f);
            int padded = (d.length + 3) & ~3;
            if (simple) {
                int len = 16 + padded;
                ByteBuffer b = ByteBuffer.allocate(len).order(order);
                b.putInt(3).putInt(len).putInt(cf.index().originalLength(f)).put(d).position(12 + padded);
                b.putInt(len);
                out.write(b.array());
            } else {
                int len = 32 + padded;
                long ts = cf.index().timestampNanos(f);
                ByteBuffer b = ByteBuffer.allocate(len).order(order);
                b.putInt(6).putInt(len).putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(d.length)
                        .putInt(cf.index().originalLength(f)).put(d).position(28 + padded);
                b.putInt(len);
                out.write(b.array());
            }
        }
    }
}
