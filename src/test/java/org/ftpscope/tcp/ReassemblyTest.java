package org.ftpscope.tcp;

import org.ftpscope.TestCaptures;
import org.ftpscope.capture.CaptureFile;
import org.ftpscope.decode.TcpAnalysisFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reassembly on real captures. Expected values come from tshark 4.0.17 ({@code -qz conv,tcp},
 * {@code -z follow,tcp,raw,N}, {@code -Y tcp.analysis.*}) and the recording's transfers.tsv.
 */
class ReassemblyTest {
    private static final String NOTES_48K = "9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf";

    @Test
    void streamListAgreesWithTsharkConversations() throws Exception {
        TcpPass.Result r = TcpPass.run(TestCaptures.sample("pasv-curl.pcap"), null, null);
        List<TcpStream> s = r.tcp().streams();
        assertEquals(5, s.size());
        assertEquals("192.0.2.10:40236", s.get(0).client().toString());
        assertEquals("198.51.100.21:21", s.get(0).server().toString());
        assertEquals(124, s.get(0).bytes(Direction.CLIENT_TO_SERVER));
        assertEquals(520, s.get(0).bytes(Direction.SERVER_TO_CLIENT));
        assertEquals("198.51.100.21:40070", s.get(2).server().toString());
        assertEquals(48000, s.get(2).bytes(Direction.SERVER_TO_CLIENT));
        assertEquals(20000, s.get(4).bytes(Direction.CLIENT_TO_SERVER));
        assertEquals(StreamState.CLOSED, s.get(2).state());
        assertEquals(1, s.get(2).synFrame() == 0 ? 0 : 1);
        r.capture().close();
    }

    @Test
    void streamIndexOfEveryFrameMatchesTshark() throws Exception {
        // tshark -T fields -e tcp.stream: frames 1-2 are ICMPv6 ND, frame 3 opens stream 0.
        TcpPass.Result r = TcpPass.run(TestCaptures.sample("ipv6-eprt-epsv.pcap"), null, null);
        TcpFrameTable t = r.tcp().frameTable();
        assertEquals(-1, t.stream(1));
        assertEquals(-1, t.stream(2));
        assertEquals(0, t.stream(3));
        // SYNs (tshark): 23→1, 39→2, 109→3, 130→4, 148→5, 164→6, 185→7
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), List.of(t.stream(23), t.stream(39), t.stream(109), t.stream(130),
                t.stream(148), t.stream(164), t.stream(185)));
        assertEquals(8, r.tcp().streams().size()); // tshark: tcp.stream 0..7
        assertEquals("[2001:db8:1::10]:34746", r.tcp().streams().get(0).client().toString());
        r.capture().close();
    }

    @Test
    void lossyCaptureDeliversEveryByteOnceAndFlagsLikeTshark() throws Exception {
        Path cap = TestCaptures.sample("lossy-transfers.pcap");
        TcpPass.Result r = TcpPass.run(cap, null, null);
        List<TcpStream> s = r.tcp().streams();
        assertEquals(4, s.size());
        assertEquals(300000, s.get(1).bytes(Direction.SERVER_TO_CLIENT));
        assertEquals(0, s.get(1).gapBytes(Direction.SERVER_TO_CLIENT));
        assertEquals(250000, s.get(3).bytes(Direction.CLIENT_TO_SERVER));
        assertEquals("842cc35acc364df50b3a4cb81a6d6d0ab494c41fe869861e4ef0951e313721af",
                sha(r.capture(), s.get(1).spans(Direction.SERVER_TO_CLIENT)));
        assertEquals("4159d439d96f2af8dee0c5a103c61ffa4935a7dee04ac778d96cfba42dd5c474",
                sha(r.capture(), s.get(3).spans(Direction.CLIENT_TO_SERVER)));

        TcpFrameTable t = r.tcp().frameTable();
        // Counts of tshark -Y tcp.analysis.<flag> on this file.
        assertEquals(189, count(t, TcpAnalysisFlags.RETRANSMISSION));
        assertEquals(72, count(t, TcpAnalysisFlags.OUT_OF_ORDER));
        assertEquals(16, count(t, TcpAnalysisFlags.FAST_RETRANSMISSION));
        assertEquals(66, count(t, TcpAnalysisFlags.SPURIOUS_RETRANSMISSION));
        assertEquals(11, count(t, TcpAnalysisFlags.LOST_SEGMENT));
        assertEquals(321, count(t, TcpAnalysisFlags.DUPLICATE_ACK));
        assertEquals(List.of(79, 86, 87, 93, 94), firstFrames(t, TcpAnalysisFlags.OUT_OF_ORDER, 5));
        assertEquals(List.of(77, 81, 85, 89, 96), firstFrames(t, TcpAnalysisFlags.FAST_RETRANSMISSION, 5));
        assertEquals(List.of(653, 655, 705, 776, 782, 844, 848, 923, 1049, 1073, 1089),
                firstFrames(t, TcpAnalysisFlags.LOST_SEGMENT, 20));
        r.capture().close();
    }

    @Test
    void unansweredAndRefusedSyns() throws Exception {
        TcpPass.Result blocked = TcpPass.run(TestCaptures.sample("firewall-blocks-pasv.pcap"), null, null);
        TcpStream b = blocked.tcp().streams().get(1);
        assertEquals(StreamState.SYN_SENT, b.state());
        assertEquals(19, b.synFrame());
        assertEquals(5, b.synCount()); // frames 19, 21, 22, 23, 24: one SYN and four retransmissions
        assertEquals(TcpAnalysisFlags.RETRANSMISSION, blocked.tcp().frameTable().analysisFlags(21));
        blocked.capture().close();

        TcpPass.Result refused = TcpPass.run(TestCaptures.sample("firewall-rejects-pasv.pcap"), null, null);
        TcpStream f = refused.tcp().streams().get(1);
        assertEquals(StreamState.REFUSED, f.state());
        assertEquals(19, f.synFrame());
        assertEquals(20, f.rstFrame(Direction.SERVER_TO_CLIENT));
        refused.capture().close();
    }

    @Test
    void snaplenCutDataBecomesGapsOfTheCutLength() throws Exception {
        TcpPass.Result r = TcpPass.run(TestCaptures.sample("snaplen-96.pcap"), null, null);
        TcpStream data = r.tcp().streams().stream().filter(s -> s.bytes(Direction.SERVER_TO_CLIENT)
                + s.gapBytes(Direction.SERVER_TO_CLIENT) == 48000).findFirst().orElseThrow();
        // 33 data segments cut from 1514 to 96 bytes on the wire keep 30 bytes of payload each; the last (216 bytes) keeps 30.
        assertEquals(48000, data.bytes(Direction.SERVER_TO_CLIENT) + data.gapBytes(Direction.SERVER_TO_CLIENT));
        assertTrue(data.gapBytes(Direction.SERVER_TO_CLIENT) > 40000);
        r.capture().close();
    }

    // ---- captures derived from a real one: frames reordered, duplicated, dropped ----

    private static int[] dataFramesOfRetr(CaptureFile cf) throws Exception {
        // pasv-curl.pcap stream 2 (RETR notes-48k.txt): data in frames 46-50, 56-60, 66-75, 82-95 (tshark tcp.len > 0).
        return IntStream.concat(IntStream.concat(IntStream.rangeClosed(46, 50), IntStream.rangeClosed(56, 60)),
                IntStream.concat(IntStream.rangeClosed(66, 75), IntStream.rangeClosed(82, 95))).toArray();
    }

    private static TcpStream retrStream(Path p) throws Exception {
        TcpPass.Result r = TcpPass.run(p, null, null);
        r.capture().close();
        return r.tcp().streams().stream().filter(s -> s.server().port() == 40070).findFirst().orElseThrow();
    }

    private static String retrSha(Path p) throws Exception {
        TcpPass.Result r = TcpPass.run(p, null, null);
        TcpStream s = r.tcp().streams().stream().filter(x -> x.server().port() == 40070).findFirst().orElseThrow();
        String sha = sha(r.capture(), s.spans(Direction.SERVER_TO_CLIENT));
        r.capture().close();
        return sha;
    }

    @Test
    void reorderedFramesStillGiveTheFile(@TempDir Path tmp) throws Exception {
        try (CaptureFile cf = CaptureFile.open(TestCaptures.sample("pasv-curl.pcap"))) {
            int[] order = IntStream.rangeClosed(1, cf.frameCount()).toArray();
            // Swap data frames 47 and 49, and move 70 after 73.
            swap(order, 46, 48);
            int f70 = order[69];
            System.arraycopy(order, 70, order, 69, 3);
            order[72] = f70;
            Path p = TestCaptures.writePcap(cf, order, tmp.resolve("reordered.pcap"));
            assertEquals(NOTES_48K, retrSha(p));
            assertEquals(0, retrStream(p).gapBytes(Direction.SERVER_TO_CLIENT));
        }
    }

    @Test
    void duplicatedFramesAreDeliveredOnce(@TempDir Path tmp) throws Exception {
        try (CaptureFile cf = CaptureFile.open(TestCaptures.sample("pasv-curl.pcap"))) {
            List<Integer> frames = new ArrayList<>();
            for (int f = 1; f <= cf.frameCount(); f++) {
                frames.add(f);
                if (f % 5 == 0) frames.add(f); // every fifth frame twice
            }
            Path p = TestCaptures.writePcap(cf, frames.stream().mapToInt(Integer::intValue).toArray(), tmp.resolve("dup.pcap"));
            assertEquals(NOTES_48K, retrSha(p));
            assertEquals(48000, retrStream(p).bytes(Direction.SERVER_TO_CLIENT));
        }
    }

    @Test
    void droppedFrameBecomesAGapOfItsLength(@TempDir Path tmp) throws Exception {
        try (CaptureFile cf = CaptureFile.open(TestCaptures.sample("pasv-curl.pcap"))) {
            int[] data = dataFramesOfRetr(cf);
            int dropped = data[7]; // frame 58, 1448 payload bytes
            int[] frames = IntStream.rangeClosed(1, cf.frameCount()).filter(f -> f != dropped).toArray();
            Path p = TestCaptures.writePcap(cf, frames, tmp.resolve("dropped.pcap"));
            TcpStream s = retrStream(p);
            assertEquals(1448, s.gapBytes(Direction.SERVER_TO_CLIENT));
            assertEquals(48000 - 1448, s.bytes(Direction.SERVER_TO_CLIENT));
            // Also drop the last data frame (216 bytes): a second gap, found when the client ACKs it.
            int[] fewer = IntStream.of(frames).filter(f -> f != 95).toArray();
            TcpStream s2 = retrStream(TestCaptures.writePcap(cf, fewer, tmp.resolve("dropped2.pcap")));
            assertEquals(1448 + 216, s2.gapBytes(Direction.SERVER_TO_CLIENT));
        }
    }

    @Test
    void spansReadTheSameAcrossBlockBoundaries() throws Exception {
        // Spans are kept in pages of 32 inside pool chunks of 2730 pages; the samples are short, so the
        // spans of the 300,000-byte transfer (stream 1: 207 segments of 1448 bytes and one of 264)
        // are copied into a pool of 2-page chunks, interleaved with a second stream's.
        TcpPass.Result r = TcpPass.run(TestCaptures.sample("lossy-transfers.pcap"), null, null);
        StreamSpans one = r.tcp().streams().get(1).spans(Direction.SERVER_TO_CLIENT);
        SpanPool pool = new SpanPool(2);
        StreamSpans small = new StreamSpans(pool);
        StreamSpans other = new StreamSpans(pool);
        for (int i = 0; i < one.size(); i++) {
            small.add(one.frame(i), one.offsetInFrame(i), one.length(i));
            other.add(i + 1, 0, 1);
            if (i == 100) small.trim(); // trimmed mid-way: the page list grows again
        }
        small.trim();
        assertEquals(14, pool.pages()); // 7 pages of 32 spans for each stream, in 7 chunks
        assertEquals(208, one.size());
        assertEquals(one.size(), small.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.frame(i), small.frame(i), "frame of span " + i);
            assertEquals(one.offsetInFrame(i), small.offsetInFrame(i), "offset of span " + i);
            assertEquals(one.length(i), small.length(i), "length of span " + i);
        }
        assertEquals(300000, small.totalBytes());
        assertEquals(List.of(151, 0, 1), List.of(other.frame(150), other.offsetInFrame(150), other.length(150)));
        assertEquals("842cc35acc364df50b3a4cb81a6d6d0ab494c41fe869861e4ef0951e313721af", sha(r.capture(), small));
        r.capture().close();
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static int count(TcpFrameTable t, int bit) {
        int n = 0;
        for (int f = 1; f <= t.size(); f++) if ((t.analysisFlags(f) & bit) != 0) n++;
        return n;
    }

    private static List<Integer> firstFrames(TcpFrameTable t, int bit, int max) {
        List<Integer> out = new ArrayList<>();
        for (int f = 1; f <= t.size() && out.size() < max; f++) if ((t.analysisFlags(f) & bit) != 0) out.add(f);
        return out;
    }

    static String sha(CaptureFile cf, StreamSpans spans) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        spans.writeTo(cf, out);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    }
}
