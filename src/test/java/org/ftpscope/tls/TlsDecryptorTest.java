package org.ftpscope.tls;

import org.ftpscope.TestCaptures;
import org.ftpscope.tcp.Direction;
import org.ftpscope.tcp.StreamListener;
import org.ftpscope.tcp.TcpPass;
import org.ftpscope.tcp.TcpStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FTP layer's view of decryption: the next listener takes the plaintext of each event. */
class TlsDecryptorTest {
    /** A next listener that takes plaintext, as the FTP analyzer does, and counts the raw bytes it still sees. */
    static final class Taker implements StreamListener {
        TlsDecryptor dec;
        final Map<String, ByteArrayOutputStream> plain = new HashMap<>();
        final Map<String, Long> raw = new HashMap<>();
        final List<Integer> frameMismatches = new ArrayList<>();

        @Override
        public void data(TcpStream s, Direction d, int frame, byte[] buf, int off, int len) {
            raw.merge(s.index() + "/" + d, (long) len, Long::sum);
            for (TlsDecryptor.Chunk c : dec.take(s.index(), d)) {
                if (c.lastFrame() != frame) frameMismatches.add(frame);
                plain.computeIfAbsent(s.index() + "/" + d, k -> new ByteArrayOutputStream()).writeBytes(c.data());
            }
            assertEquals(List.of(), dec.take(s.index(), d), "taken once");
        }

        String sha(int stream, Direction d) throws Exception {
            ByteArrayOutputStream b = plain.getOrDefault(stream + "/" + d, new ByteArrayOutputStream());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toByteArray()));
        }
    }

    static Taker run(String name, KeyLog keys) throws Exception {
        Taker t = new Taker();
        t.dec = new TlsDecryptor(keys, t);
        TcpPass.run(TestCaptures.sample(name + ".pcap"), t.dec, null).capture().close();
        return t;
    }

    @Test
    void theNextListenerGetsEveryRecordsPlaintextInTheEventOfItsLastFrame() throws Exception {
        Taker t = run("ftps-tls12-gcm", KeyLog.read(TestCaptures.sample("ftps-tls12-gcm.keys")));
        assertEquals(List.of(), t.frameMismatches);
        assertEquals(FtpsSamplesTest.NOTES_48K, t.sha(2, Direction.SERVER_TO_CLIENT));
        assertEquals("89a1538364f765882c66859cdbdd9e94ffe7b73f771d65dd9c047e6fed81e481", t.sha(0, Direction.CLIENT_TO_SERVER));
        assertTrue(t.raw.get("2/SERVER_TO_CLIENT") > 48000, "the raw TLS bytes still pass through");
        assertEquals(7, t.dec.connections().size());
        assertTrue(t.dec.hasKeyLog());
    }

    @Test
    void withoutKeysNothingIsTaken() throws Exception {
        Taker t = run("ftps-tls13", KeyLog.none());
        assertTrue(t.plain.isEmpty());
        assertEquals(6, t.dec.connections().size());
    }
}
