package org.ftpscope.tls;

import org.ftpscope.TestCaptures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.ftpscope.tls.AuthTlsSampleTest.C2S;
import static org.ftpscope.tls.AuthTlsSampleTest.S2C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imperfect captures made from auth-tls.pcap by samples/derive-tls.sh. */
class DerivedCapturesTest {
    @Test
    void aLostSegmentStopsThatDirectionAfterWhatWasDecrypted() throws Exception {
        var r = AuthTlsSampleTest.run(TestCaptures.sample("derived/tls-lost-frame-100.pcap"), AuthTlsSampleTest.keys());
        TlsConnectionSummary retr = r.tls().get(2);
        assertEquals(Decryption.LOST, retr.fromServer().decryption());
        assertEquals(16384, retr.fromServer().applicationBytes(), "the first record (frames 84-98) is complete");
        assertEquals(16384, r.plain().of(2, S2C).length);
        assertEquals(123, retr.fromServer().problemFrame(), "the client's ACK in (new) frame 123 shows the hole");
        assertTrue(retr.fromServer().detail().startsWith("capture gap of 1448 bytes at frame 123"), retr.fromServer().detail());
        assertEquals(List.of("2/SERVER_TO_CLIENT@123: " + retr.fromServer().detail()), r.plain().lost);
        // Everything else is untouched.
        assertEquals("b3f6cfc32bde5516114301dfe5a4a1fcd03e92b2f1a217094f16309a4ef33335", r.plain().sha256(4, C2S));
        assertEquals(Decryption.DECRYPTED, r.tls().get(0).fromServer().decryption());
    }

    @Test
    void everyFrameTwiceDecryptsExactlyOnce() throws Exception {
        var r = AuthTlsSampleTest.run(TestCaptures.sample("derived/tls-every-frame-twice.pcap"), AuthTlsSampleTest.keys());
        assertEquals(8, r.tls().size());
        for (TlsConnectionSummary s : r.tls()) {
            assertEquals(Decryption.DECRYPTED, s.fromClient().decryption());
            assertEquals(Decryption.DECRYPTED, s.fromServer().decryption());
        }
        assertEquals("9212e46ee8ac927bd5db5dbeee203ac8fc150f9af2ee5fb26557cd9ae01223cf", r.plain().sha256(2, S2C));
        assertEquals("b6558f8e60fac7c118b1ac19b9891479cb24a8f15023950b2afafafa41387665", r.plain().sha256(7, C2S));
        assertEquals("893b492fe955c9241fe58e73919021788a732461e8c90bd96745122ce04366ce", r.plain().sha256(5, C2S));
    }

    @Test
    void aShortSnapLengthStillShowsTheTlsConnectionsAndSaysWhyNothingDecrypts() throws Exception {
        var r = AuthTlsSampleTest.run(TestCaptures.sample("derived/tls-snaplen-200.pcap"), AuthTlsSampleTest.keys());
        assertEquals(8, r.tls().size());
        TlsConnectionSummary ctl = r.tls().get(0);
        // The 563-byte ClientHello is cut; the small HelloRetryRequest fits and names version and suite.
        assertEquals(0, ctl.clientHelloFrame());
        assertEquals("TLS 1.3", ctl.versionName());
        assertEquals("TLS_AES_256_GCM_SHA384", ctl.cipherSuiteName());
        assertEquals(Decryption.LOST, ctl.fromClient().decryption());
        assertEquals(9, ctl.fromClient().problemFrame());
        assertEquals(TlsConnectionSummary.Resumption.UNKNOWN, ctl.resumption());
        assertTrue(r.plain().bytes.isEmpty());
    }

    @Test
    void aLostSegmentInAnAesCbcTransferStopsThatDirectionOnly() throws Exception {
        var r = AuthTlsSampleTest.run(TestCaptures.sample("derived/ftps-cbc-lost-frame-125.pcap"),
                KeyLog.read(TestCaptures.sample("ftps-tls12-cbc.keys")));
        TlsConnectionSummary retr = r.tls().get(3);
        // Frame 125 lay inside the first 16 KB record of notes-48k.txt: no record of the file completes.
        assertEquals(Decryption.LOST, retr.fromServer().decryption());
        assertEquals(0, retr.fromServer().applicationBytes());
        assertEquals(0, r.plain().of(3, S2C).length, "nothing of a record that failed or was cut is delivered");
        assertEquals(134, retr.fromServer().problemFrame());
        assertTrue(retr.fromServer().detail().startsWith("capture gap of 1448 bytes at frame 134"), retr.fromServer().detail());
        assertEquals(Decryption.DECRYPTED, retr.fromClient().decryption());
        // The other connections decrypt in full: the MAC-then-encrypt readme.txt after the loss too.
        assertEquals(FtpsSamplesTest.README_900, r.plain().sha256(5, S2C));
        assertEquals(Decryption.DECRYPTED, r.tls().get(2).fromServer().decryption());
    }

    @Test
    void aSnapLengthBelowTheHellosLeavesOnlyWhatIsThere() throws Exception {
        var r = AuthTlsSampleTest.run(TestCaptures.sample("derived/ftps-gcm-snaplen-150.pcap"), KeyLog.none());
        // Every ClientHello (over 150 bytes) is cut: the connections are still found as TLS (a valid
        // record header after AUTH SSL, or at the start of a data connection), and nothing more is claimed.
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), r.tls().stream().map(TlsConnectionSummary::stream).toList());
        for (TlsConnectionSummary s : r.tls()) {
            assertEquals("unknown", s.versionName());
            assertEquals("unknown", s.cipherSuiteName());
            assertEquals(TlsConnectionSummary.Resumption.UNKNOWN, s.resumption());
            assertTrue(s.certificates().isEmpty());
            assertEquals(Decryption.LOST, s.fromServer().decryption());
        }
        assertEquals(12, r.tls().get(0).fromServer().problemFrame());
    }
}
