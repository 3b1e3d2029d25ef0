package org.ftpscope.tls;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-made bytes: record and handshake framing, and what malformed input does. */
class RecordLayerTest {
    static byte[] record(int type, int len) {
        byte[] r = new byte[5 + len];
        r[0] = (byte) type;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (len >> 8);
        r[4] = (byte) len;
        for (int i = 0; i < len; i++) r[5 + i] = (byte) i;
        return r;
    }

    static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) { System.arraycopy(p, 0, out, o, p.length); o += p.length; }
        return out;
    }

    @Test
    void recordsSpanSegmentsAndCarryTheirFrames() {
        List<TlsRecord> out = new ArrayList<>();
        RecordReader r = new RecordReader(out::add);
        byte[] prefix = "AUTH TLS\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] s = cat(prefix, record(22, 300), record(20, 1), record(23, 0), record(23, 40));
        // One byte per frame: frame numbers are 1000 + stream offset.
        for (int i = 0; i < s.length; i++) r.feed(1000 + i, s, i, 1);
        assertEquals(10, r.tlsStart());
        assertEquals(1010, r.tlsStartFrame());
        assertEquals(4, out.size());
        TlsRecord h = out.get(0);
        assertEquals(22, h.type());
        assertEquals(0x0303, h.version());
        assertEquals(300, h.fragment().length);
        assertEquals(1010, h.firstFrame());
        assertEquals(1010 + 304, h.lastFrame());
        assertEquals(0, out.get(2).fragment().length, "an empty record is legal");
        assertEquals(10 + 305 + 6 + 5, out.get(3).streamOffset());
        assertNull(r.unfinished());
    }

    @Test
    void aPlainFtpStreamIsNotTlsAndIsGivenUpAfterTheBound() {
        List<TlsRecord> out = new ArrayList<>();
        RecordReader r = new RecordReader(out::add);
        byte[] line = "226 Transfer complete.\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 4000; i++) r.feed(i, line, 0, line.length);
        assertEquals(RecordReader.Mode.NOT_TLS, r.mode());
        assertTrue(r.stopReason().contains("no TLS record starts within the first 65536 bytes (" + org.ftpscope.capture.Limit.TLS_CLEARTEXT_PREFIX.label() + ")"));
        assertTrue(r.prefixReached(), "given up at the limit, not for its bytes");
        assertTrue(out.isEmpty());
    }

    @Test
    void aBinaryFileStartingLikeTlsButWithABadHeaderIsNotTls() {
        RecordReader r = new RecordReader(x -> { throw new AssertionError(); });
        byte[] b = {0x16, 0x07, 0x00, 0x00, 0x10, 1, 2, 3};
        r.feed(5, b, 0, b.length);
        assertEquals(RecordReader.Mode.NOT_TLS, r.mode());
        assertFalse(r.prefixReached(), "not TLS for its bytes: no limit reached");
    }

    @Test
    void anOverlongRecordStopsTheDirectionWithoutBufferingIt() {
        List<TlsRecord> out = new ArrayList<>();
        RecordReader r = new RecordReader(out::add);
        byte[] s = cat(record(22, 10), new byte[] {23, 3, 3, (byte) 0xff, (byte) 0xff});
        r.feed(7, s, 0, s.length);
        assertEquals(1, out.size());
        assertEquals(RecordReader.Mode.STOPPED, r.mode());
        assertTrue(r.stopReason().contains("(length over 18432, the most RFC 5246 allows)"), r.stopReason());
        byte[] more = new byte[100_000];
        r.feed(8, more, 0, more.length);
        assertEquals(1, out.size());
    }

    @Test
    void aGapInsideTheRecordsStopsAndSaysWhere() {
        List<TlsRecord> out = new ArrayList<>();
        RecordReader r = new RecordReader(out::add);
        byte[] s = record(22, 50);
        r.feed(3, s, 0, 20);
        assertEquals("the stream ends inside a record: 15 of 50 bytes (from frame 3)", r.unfinished());
        r.gap(1448, 9);
        assertEquals(RecordReader.Mode.STOPPED, r.mode());
        assertEquals(9, r.stopFrame());
        assertTrue(r.headerSeen());
    }

    @Test
    void handshakeMessagesSpanRecordsAndSeveralShareOne() {
        List<HandshakeReader.Message> out = new ArrayList<>();
        HandshakeReader h = new HandshakeReader(out::add);
        byte[] a = {2, 0, 0, 3, 'a', 'b', 'c', 14, 0, 0, 0, 11, 0, 0};
        byte[] b = {5, 1, 2, 3, 4, 5};
        h.feed(a, 0, a.length, 10, false);
        assertEquals(2, out.size());
        assertEquals(14, out.get(1).type(), "ServerHelloDone has an empty body");
        assertTrue(!h.atBoundary());
        h.feed(b, 0, b.length, 11, false);
        assertEquals(3, out.size());
        assertEquals(11, out.get(2).type());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, out.get(2).body());
        assertEquals(11, out.get(2).frame());
        assertTrue(h.atBoundary());
    }

    @Test
    void anOversizedHandshakeMessageIsSkippedNotBuffered() {
        List<HandshakeReader.Message> out = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        HandshakeReader h = new HandshakeReader(out::add, skipped::add);
        int len = HandshakeReader.MAX_MESSAGE + 1;
        byte[] head = {11, (byte) (len >> 16), (byte) (len >> 8), (byte) len};
        h.feed(head, 0, 4, 1, false);
        byte[] chunk = new byte[len];
        h.feed(chunk, 0, chunk.length, 2, false);
        byte[] next = {20, 0, 0, 1, 9};
        h.feed(next, 0, next.length, 3, false);
        assertEquals(1, out.size());
        assertEquals(20, out.get(0).type());
        assertEquals(List.of(1), skipped, "the frame of the skipped message's header");
        assertTrue(h.note().equals("handshake message type 11 of 262145 bytes (frame 1) skipped (" + org.ftpscope.capture.Limit.TLS_HANDSHAKE_MESSAGE.label() + ")"), h.note());
    }

    @Test
    void truncatedHellosAreMalformedNotCrashes() {
        byte[] ch = {3, 3, 1, 2};
        try {
            Hellos.clientHello(ch, 1);
            throw new AssertionError("parsed");
        } catch (Cursor.Malformed e) {
            assertTrue(e.getMessage().startsWith("truncated"));
        }
        // Every prefix of a real-looking ServerHello either parses or is Malformed.
        byte[] sh = new byte[2 + 32 + 1 + 2 + 1 + 2 + 6];
        sh[0] = 3; sh[1] = 3; sh[34] = 0; sh[35] = 0x13; sh[36] = 0x02; sh[38] = 0; sh[39] = 6;
        sh[40] = 0; sh[41] = 43; sh[42] = 0; sh[43] = 2; sh[44] = 3; sh[45] = 4;
        for (int n = 0; n <= sh.length; n++) {
            try {
                Hellos.ServerHello p = Hellos.serverHello(Arrays.copyOf(sh, n), 1);
                if (n == sh.length) assertEquals(TlsVersion.TLS13, p.version());
            } catch (Cursor.Malformed expected) {
                assertTrue(n < sh.length);
            }
        }
    }

    @Test
    void helloRetryRandomIsTheRfcConstant() {
        assertEquals("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c", Hex.of(Hellos.HELLO_RETRY_RANDOM),
                "the random tshark shows in auth-tls.pcap frame 77");
    }
}
